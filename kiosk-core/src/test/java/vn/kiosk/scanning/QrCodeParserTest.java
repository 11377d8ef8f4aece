package vn.kiosk.scanning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every sample citizens bring (../shared/test-data), and 100,000 fuzzed payloads. */
class QrCodeParserTest {

    private final QrCodeParser parser = new QrCodeParser("{ticketId}", "phuong-ben-thanh", "kiosk-01");

    record Sample(String kind, String expected, String payload) { }

    /** The shared samples file beside the project; the copy in the test resources where it is absent. */
    static List<Sample> samples() throws IOException {
        Path shared = Path.of("../../shared/test-data/citizen-qr-samples.txt");
        String text;
        if (Files.isReadable(shared)) {
            text = Files.readString(shared);
        } else {
            try (InputStream in = QrCodeParserTest.class.getResourceAsStream("/test-data/citizen-qr-samples.txt")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#") || line.isBlank() && !line.startsWith("unknown")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            String payload = cols.length > 2 ? cols[2].replace("\\ufeff", "\uFEFF").replace("\\r\\n", "\r\n") : "";
            out.add(new Sample(cols[0], cols[1], payload));
        }
        return out;
    }

    @Test
    void everySampleIsWhatTheFileSaysItIs() throws IOException {
        List<Sample> samples = samples();
        assertEquals(11, samples.size(), "all samples read");
        for (Sample s : samples) {
            ScannedCode code = parser.parse(s.payload());
            String expectedKind = s.kind().equals("citizen-id") && s.expected().startsWith("invalid") ? "invalid" : s.kind();
            assertEquals(expectedKind, code.kind(), s.expected());
        }
    }

    @Test
    void idCardFieldsAndChecks() {
        var card = (ScannedCode.IdCard) parser.parse(
                "079050001234|023456789|Trần Văn Bình|15031950|Nam|12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh|20042021");
        assertEquals("079050001234", card.id().number());
        assertEquals(LocalDate.of(1950, 3, 15), card.id().birthDate());
        assertEquals(76, card.id().age(LocalDate.of(2026, 11, 26)));
        assertEquals("079*******34", card.id().masked());
        assertFalse(card.id().toString().contains("Bình") || card.id().toString().contains("079050001234"));

        var sixFields = (ScannedCode.IdCard) parser.parse("048201000777|Lê Hoàng Nam|09/09/2001|Nam|Phường Hải Châu, Đà Nẵng|01/07/2024");
        assertEquals(LocalDate.of(2001, 9, 9), sixFields.id().birthDate());
        var female2005 = (ScannedCode.IdCard) parser.parse("\uFEFF092305004321|381234567|Phạm Thu Hà|28022005|Nữ|Phường Ninh Kiều|15082021\r\n");
        assertEquals("Nữ", female2005.id().gender());
        assertInstanceOf(ScannedCode.IdCard.class, parser.parse("001190012345||Nguyen Thi Mai|01021990|Nu|So 5 ngo 3|10102022"),
                "a scanner in ASCII mode strips diacritics");

        assertEquals("the ID number's gender digit does not match the gender",
                ((ScannedCode.InvalidIdCard) parser.parse("079150001234|023456789|A|15031950|Nam|x|20042021")).reason());
        assertInstanceOf(ScannedCode.InvalidIdCard.class, parser.parse("079050001234|023456789|A|15031950|Khác|x|20042021"));
        assertInstanceOf(ScannedCode.InvalidIdCard.class, parser.parse("079050001234|0234|A|15031950|Nam|x|20042021"));
    }

    @Test
    void dossiersTicketsAndEverythingElse() {
        var d = (ScannedCode.Dossier) parser.parse("000.00.19.H29-250714-0042");
        assertEquals(LocalDate.of(2025, 7, 14), d.receivedOn());
        assertEquals("000.00.19.H29", d.agency());
        assertInstanceOf(ScannedCode.Unknown.class, parser.parse("000.00.19.H29-251341-0042"), "13th month");
        assertInstanceOf(ScannedCode.OwnTicket.class, parser.parse("3f2c1e9a-7b4d-4e8f-9a1b-2c3d4e5f6a7b"));
        QrCodeParser withUrl = new QrCodeParser("https://dvc.example.vn/q/{site}/{ticketId}", "phuong-7", "k1");
        assertEquals("3f2c1e9a-7b4d-4e8f-9a1b-2c3d4e5f6a7b",
                ((ScannedCode.OwnTicket) withUrl.parse("https://dvc.example.vn/q/phuong-7/3f2c1e9a-7b4d-4e8f-9a1b-2c3d4e5f6a7b")).ticketId());
        assertEquals("unknown", withUrl.parse("https://dvc.example.vn/q/other-site/3f2c1e9a-7b4d-4e8f-9a1b-2c3d4e5f6a7b").kind());
        assertInstanceOf(ScannedCode.Unknown.class, parser.parse("https://example.org/some/page"));
        assertInstanceOf(ScannedCode.Unknown.class, parser.parse(""));
    }

    /** Receipts print the dossier code inside the portal's look-up link; the kiosk reads it from there. */
    @Test
    void aDossierCodeInsideAPublicServicePortalLink() {
        for (String url : List.of(
                "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=000.00.19.H29-251120-0317",
                "HTTPS://DICHVUCONG.GOV.VN/p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=000.00.19.H29-251120-0317&lang=vi",
                "https://dichvucong.hochiminhcity.gov.vn/tra-cuu?code=000%2E00%2E19%2EH29-251120-0317",
                "https://dichvucong.gov.vn/tra-cuu/000.00.19.H29-251120-0317")) {
            var d = assertInstanceOf(ScannedCode.Dossier.class, parser.parse(url), url);
            assertEquals("000.00.19.H29-251120-0317", d.code(), url);
            assertEquals(LocalDate.of(2025, 11, 20), d.receivedOn(), url);
        }
        assertInstanceOf(ScannedCode.Unknown.class,
                parser.parse("https://portal.example.com/?ma_ho_so=000.00.19.H29-251120-0317"), "not a government portal");
        assertInstanceOf(ScannedCode.Unknown.class,
                parser.parse("https://dichvucong.gov.vn/?ma_ho_so=1000.00.19.H29-251120-03171"), "part of a longer code");
        assertInstanceOf(ScannedCode.Unknown.class, parser.parse("https://dichvucong.gov.vn/?ma_ho_so=000.00.19.H29-251399-0317"),
                "no 13th month");
        assertInstanceOf(ScannedCode.Unknown.class, parser.parse("https://dichvucong.gov.vn/?x=%ZZ000.00.19"), "malformed escape");
        assertInstanceOf(ScannedCode.Unknown.class, parser.parse(null));
    }

    /** The parser catches nothing it does not expect: an exception here is a parser bug, and fails. */
    @Test
    void aHundredThousandRandomAndMutatedPayloadsNeverThrowAndAlwaysHaveAKind() throws IOException {
        Random random = new Random(20261126L);
        List<String> seeds = new java.util.ArrayList<>(samples().stream().map(Sample::payload).toList());
        seeds.add("https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=000.00.19.H29-251120-0317");
        seeds.add("https://dichvucong.hochiminhcity.gov.vn/tra-cuu?code=000%2E00%2E19%2EH29-251120-0317");
        Set<String> kinds = Set.of("citizen-id", "invalid", "dossier", "ticket", "unknown");
        String alphabet = "0123456789|/-.: abcXYZđĐếặ\uFEFF\r\n\t\u0000\uFFFD%?=&#";
        int[] counts = new int[5];
        for (int i = 0; i < 100_000; i++) {
            String payload;
            if (i % 3 == 0) {
                StringBuilder b = new StringBuilder();
                int len = random.nextInt(300);
                for (int k = 0; k < len; k++) {
                    b.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : alphabet.charAt(random.nextInt(alphabet.length())));
                }
                payload = b.toString();
            } else {
                StringBuilder b = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
                int mutations = 1 + random.nextInt(4);
                for (int m = 0; m < mutations && b.length() > 0; m++) {
                    int at = random.nextInt(b.length());
                    switch (random.nextInt(5)) {
                        case 0 -> b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        case 1 -> b.insert(at, '|');
                        case 2 -> b.deleteCharAt(at);
                        case 3 -> b.setLength(at);
                        default -> b.insert(at, (char) ('0' + random.nextInt(10)));
                    }
                }
                payload = b.toString();
            }
            ScannedCode code;
            try {
                code = parser.parse(payload);
            } catch (RuntimeException e) {
                throw new AssertionError("payload " + i + " (seed 20261126) made the parser throw: "
                        + payload.chars().mapToObj(c -> String.format("\\u%04x", c)).collect(java.util.stream.Collectors.joining()), e);
            }
            assertTrue(kinds.contains(code.kind()), "kind " + code.kind());
            counts[List.copyOf(kinds).indexOf(code.kind())]++;
        }
        assertTrue(counts[0] + counts[1] + counts[2] + counts[3] + counts[4] == 100_000);
    }
}
