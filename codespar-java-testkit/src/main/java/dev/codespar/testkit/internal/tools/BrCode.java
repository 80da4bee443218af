package dev.codespar.testkit.internal.tools;

/** Reads the payee out of a Pix BR Code (an EMV tag-length-value string). */
final class BrCode {

    private BrCode() {}

    /**
     * The payee a copia-e-cola encodes: its Pix key (merchant account field, sub-field 01), else the merchant name
     * (field 59), else a stand-in.
     *
     * @param code the copia-e-cola
     * @return the payee, never {@code null}
     */
    static String payee(String code) {
        String name = null;
        int i = 0;
        while (i + 4 <= code.length()) {
            String tag = code.substring(i, i + 2);
            int len;
            try {
                len = Integer.parseInt(code.substring(i + 2, i + 4));
            } catch (NumberFormatException e) {
                break;
            }
            if (i + 4 + len > code.length()) {
                break;
            }
            String value = code.substring(i + 4, i + 4 + len);
            int id = tag.chars().allMatch(Character::isDigit) ? Integer.parseInt(tag) : -1;
            if (id >= 26 && id <= 51 && value.toLowerCase(java.util.Locale.ROOT).contains("br.gov.bcb.pix")) {
                String key = sub(value, "01");
                if (key != null) {
                    return key;
                }
            } else if (id == 59) {
                name = value;
            }
            i += 4 + len;
        }
        return name != null ? name : "pix-copia-e-cola";
    }

    private static String sub(String value, String wanted) {
        int i = 0;
        while (i + 4 <= value.length()) {
            int len;
            try {
                len = Integer.parseInt(value.substring(i + 2, i + 4));
            } catch (NumberFormatException e) {
                return null;
            }
            if (i + 4 + len > value.length()) {
                return null;
            }
            if (value.startsWith(wanted, i)) {
                return value.substring(i + 4, i + 4 + len);
            }
            i += 4 + len;
        }
        return null;
    }
}
