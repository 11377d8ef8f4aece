package vn.kiosk.scanning;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what a scanned code is: every payload ends as one of the {@link ScannedCode} kinds. It
 * catches nothing it does not expect, so a bug fails its fuzz test instead of hiding as "unknown";
 * the scan service keeps the kiosk going if one ever slips through.
 *
 * <p>Chip ID card (CCCD 2021, identity card 2024): {@code ID12|oldID9|name|ddMMyyyy|Nam/Nữ|address|ddMMyyyy},
 * the old ID may be empty, a 6-field form omits it and writes dates {@code dd/MM/yyyy}; scanners may
 * add a BOM and CRLF, or strip diacritics. The 12 digits are checked: 3 for the province, 1 for
 * century and gender (0/1 male/female 1900s, 2/3 2000s, 4/5 2100s), 2 for the birth year.
 */
public final class QrCodeParser {

    private static final Pattern ID12 = Pattern.compile("\\d{12}");
    private static final Pattern OLD_ID = Pattern.compile("\\d{9}|\\d{12}");
    private static final Pattern DOSSIER = Pattern.compile(
            "([0-9A-Z]{3}(?:\\.[0-9A-Z]{2}){2}\\.[0-9A-Z]{3})-(\\d{2})(\\d{2})(\\d{2})-(\\d{4})");
    /** A dossier code inside other text (a portal's link), not part of a longer code. */
    private static final Pattern DOSSIER_IN_TEXT = Pattern.compile("(?<![0-9A-Za-z.])" + DOSSIER.pattern() + "(?![0-9A-Za-z])");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("ddMMuuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final Pattern ownTicket;

    /** @param ticketQrTemplate the printed ticket's QR template ({ticketId}, {number}, {site}, {device}) */
    public QrCodeParser(String ticketQrTemplate, String site, String device) {
        String regex = Pattern.quote(ticketQrTemplate)
                .replace("{ticketId}", "\\E(?<id>" + UUID.pattern() + ")\\Q")
                .replace("{number}", "\\E[A-Z]{1,3}\\d+\\Q")
                .replace("{site}", "\\E" + Pattern.quote(site) + "\\Q")
                .replace("{device}", "\\E" + Pattern.quote(device) + "\\Q");
        this.ownTicket = Pattern.compile(regex);
    }

    public ScannedCode parse(String raw) {
        if (raw == null) {
            return new ScannedCode.Unknown();
        }
        String s = raw.replace("\uFEFF", "").strip();
        if (s.isEmpty()) {
            return new ScannedCode.Unknown();
        }
        if (s.indexOf('|') >= 0) {
            return idCard(s.split("\\|", -1));
        }
        Matcher d = DOSSIER.matcher(s);
        if (d.matches()) {
            return dossier(d);
        }
        Matcher t = ownTicket.matcher(s);
        if (t.matches() && t.group("id") != null) {
            return new ScannedCode.OwnTicket(t.group("id"));
        }
        if (UUID.matcher(s).matches()) {
            return new ScannedCode.OwnTicket(s);
        }
        Matcher inUrl = portalUrlText(s) == null ? null : DOSSIER_IN_TEXT.matcher(portalUrlText(s));
        if (inUrl != null && inUrl.find()) {
            return dossier(inUrl);
        }
        return new ScannedCode.Unknown();
    }

    private static ScannedCode dossier(Matcher d) {
        try {
            LocalDate date = LocalDate.of(2000 + Integer.parseInt(d.group(2)), Integer.parseInt(d.group(3)),
                    Integer.parseInt(d.group(4)));
            return new ScannedCode.Dossier(d.group(), d.group(1), date, d.group(5));
        } catch (DateTimeException e) {
            return new ScannedCode.Unknown();
        }
    }

    /**
     * The path and query of a public-service portal's link (the national dichvucong.gov.vn or a
     * province's *.gov.vn portal), decoded, where receipts print the dossier code inside a look-up
     * link; null for anything else.
     */
    private static String portalUrlText(String s) {
        if (!s.regionMatches(true, 0, "https://", 0, 8) && !s.regionMatches(true, 0, "http://", 0, 7)) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            return null;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        if (!host.equals("gov.vn") && !host.endsWith(".gov.vn")) {
            return null;
        }
        String text = (uri.getRawPath() == null ? "" : uri.getRawPath()) + "?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery());
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return text;
        }
    }

    private static ScannedCode idCard(String[] f) {
        String number;
        String old;
        String name;
        String birth;
        String gender;
        String address;
        String issue;
        DateTimeFormatter dates;
        if (f.length == 7) {
            number = f[0];
            old = f[1];
            name = f[2];
            birth = f[3];
            gender = f[4];
            address = f[5];
            issue = f[6];
            dates = birth.contains("/") ? SLASHED : COMPACT;
        } else if (f.length == 6) {
            number = f[0];
            old = "";
            name = f[1];
            birth = f[2];
            gender = f[3];
            address = f[4];
            issue = f[5];
            dates = SLASHED;
        } else {
            return f.length >= 3 && ID12.matcher(f[0].strip()).matches()
                    ? new ScannedCode.InvalidIdCard("the ID card code has " + f.length + " fields, expected 6 or 7")
                    : new ScannedCode.Unknown();
        }
        number = number.strip();
        if (!ID12.matcher(number).matches()) {
            return number.chars().allMatch(Character::isDigit) && !number.isEmpty()
                    ? new ScannedCode.InvalidIdCard("the ID number has " + number.length() + " digits, expected 12")
                    : new ScannedCode.Unknown();
        }
        if (!old.isEmpty() && !OLD_ID.matcher(old.strip()).matches()) {
            return new ScannedCode.InvalidIdCard("the old ID number is not 9 or 12 digits");
        }
        LocalDate birthDate;
        LocalDate issueDate;
        try {
            birthDate = LocalDate.parse(birth.strip(), dates);
            issueDate = LocalDate.parse(issue.strip(), dates);
        } catch (DateTimeException e) {
            return new ScannedCode.InvalidIdCard("a date on the card is not a real date");
        }
        String g = gender.strip();
        boolean male = g.equalsIgnoreCase("Nam");
        boolean female = g.equalsIgnoreCase("Nữ") || g.equalsIgnoreCase("Nu");
        if (!male && !female) {
            return new ScannedCode.InvalidIdCard("gender is neither Nam nor Nữ");
        }
        int code = number.charAt(3) - '0';
        if (code > 5) {
            return new ScannedCode.InvalidIdCard("the century/gender digit is " + code + ", expected 0 to 5");
        }
        int century = 1900 + (code / 2) * 100;
        boolean codeFemale = code % 2 == 1;
        int year = century + Integer.parseInt(number.substring(4, 6));
        if (year != birthDate.getYear()) {
            return new ScannedCode.InvalidIdCard("the ID number's century and year digits do not match the birth date");
        }
        if (codeFemale != female) {
            return new ScannedCode.InvalidIdCard("the ID number's gender digit does not match the gender");
        }
        if (name.isBlank()) {
            return new ScannedCode.InvalidIdCard("the name is empty");
        }
        return new ScannedCode.IdCard(new CitizenId(number, old.strip(), name.strip(), birthDate, g, address.strip(), issueDate));
    }
}
