package vn.kiosk.web;

/** The shape of every error answer: {"error": {"code": "...", "message": "..."}}. */
record ErrorBody(Detail error) {

    record Detail(String code, String message) { }

    static ErrorBody of(String code, String message) {
        return new ErrorBody(new Detail(code, message));
    }
}
