package dossier.land;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a file's bytes say, read in one streaming pass: SHA-256, format by content (a ZIP is an
 * XLSX workbook, an OLE2 container a legacy .xls, anything else text) and, for text, the
 * encoding: a UTF-8 byte-order mark, else UTF-8 if the whole file decodes strictly as UTF-8,
 * else GB18030 (the superset of GBK that agencies' Excel exports use).
 *
 * @param sha256 hex digest of the bytes
 * @param format {@link #CSV}, {@link #XLSX} or {@link #XLS}
 * @param encoding {@link #UTF8}, {@link #UTF8_BOM} or {@link #GB18030} for text, null otherwise
 */
record Fingerprint(String sha256, String format, String encoding) implements Serializable {
  static final String CSV = "csv";
  static final String XLSX = "xlsx";
  static final String XLS = "xls";
  static final String UTF8 = "UTF-8";
  static final String UTF8_BOM = "UTF-8-BOM";
  static final String GB18030 = "GB18030";

  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final int BUFFER = 1 << 16;

  static Fingerprint of(InputStream in) throws IOException {
    MessageDigest digest = newDigest();
    Utf8Check utf8 = new Utf8Check();
    byte[] head = in.readNBytes(4);
    digest.update(head);
    utf8.feed(head, head.length);
    byte[] buffer = new byte[BUFFER];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
      utf8.feed(buffer, n);
    }
    String hash = HexFormat.of().formatHex(digest.digest());
    if (startsWith(head, ZIP)) {
      return new Fingerprint(hash, XLSX, null);
    }
    if (startsWith(head, OLE2)) {
      return new Fingerprint(hash, XLS, null);
    }
    String encoding = startsWith(head, BOM) ? UTF8_BOM : utf8.finish() ? UTF8 : GB18030;
    return new Fingerprint(hash, CSV, encoding);
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** A strict UTF-8 decode fed chunk by chunk; a multi-byte character may span two chunks. */
  private static final class Utf8Check {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer in = ByteBuffer.allocate(BUFFER + 8);
    private final CharBuffer out = CharBuffer.allocate(BUFFER + 8);
    private boolean valid = true;

    void feed(byte[] bytes, int length) {
      if (!valid) {
        return;
      }
      in.put(bytes, 0, length);
      in.flip();
      decode(false);
      in.compact();
    }

    boolean finish() {
      if (valid) {
        in.flip();
        decode(true);
      }
      return valid;
    }

    private void decode(boolean endOfInput) {
      CoderResult result;
      do {
        out.clear();
        result = decoder.decode(in, out, endOfInput);
      } while (result.isOverflow());
      valid = !result.isError();
    }
  }
}
