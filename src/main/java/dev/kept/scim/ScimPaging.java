package dev.kept.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;

/** SCIM's paging (RFC 7644 §3.4.2.4): a 1-based {@code startIndex} and a bounded {@code count}. */
record ScimPaging(int startIndex, int count) {

    static final int DEFAULT_COUNT = 100;
    static final int MOST = 200;

    static ScimPaging of(String startIndex, String count) throws BadRequestException {
        int start = number(startIndex, 1, "startIndex");
        int size = number(count, DEFAULT_COUNT, "count");
        return new ScimPaging(Math.max(1, start), Math.min(MOST, Math.max(0, size)));
    }

    private static int number(String text, int fallback, String name) throws BadRequestException {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw BadRequestException.invalidValue(name + " must be a whole number.");
        }
    }
}
