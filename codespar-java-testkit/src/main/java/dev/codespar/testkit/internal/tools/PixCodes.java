package dev.codespar.testkit.internal.tools;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Pix copy-paste codes (BR Code shaped, with a valid CRC) and their stand-in QR images. */
final class PixCodes {

    private PixCodes() {}

    /**
     * A BR Code for a charge: the Pix GUI, a fake key, the BRL currency, the country, then CRC16-CCITT.
     *
     * @param reference the charge id
     * @return the copy-paste text
     */
    static String copyPaste(String reference) {
        String key = "fake-" + reference.toLowerCase(java.util.Locale.ROOT);
        String account = tlv("00", "br.gov.bcb.pix") + tlv("01", key);
        String body = tlv("00", "01") + tlv("26", account) + tlv("52", "0000") + tlv("53", "986") + tlv("58", "BR")
                + tlv("59", "FAKECODESPAR") + tlv("60", "SAO PAULO") + tlv("62", tlv("05", reference.length() > 25
                        ? reference.substring(0, 25) : reference)) + "6304";
        return body + crc16(body);
    }

    /**
     * A stand-in QR image: a data URL whose content is the code itself (the fake draws no QR).
     *
     * @param code the copy-paste text
     * @return a {@code data:} URL
     */
    static String qrImage(String code) {
        return "data:text/plain;base64," + Base64.getEncoder().encodeToString(code.getBytes(StandardCharsets.UTF_8));
    }

    private static String tlv(String tag, String value) {
        return tag + String.format("%02d", value.length()) + value;
    }

    private static String crc16(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return String.format("%04X", crc & 0xFFFF);
    }
}
