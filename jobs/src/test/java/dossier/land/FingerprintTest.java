package dossier.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {
  private static Fingerprint of(byte[] bytes) throws IOException {
    return Fingerprint.of(new ByteArrayInputStream(bytes));
  }

  @Test
  void plainUtf8TextIsUtf8() throws IOException {
    assertThat(of("身份证号,姓名\n".getBytes(StandardCharsets.UTF_8)).encoding()).as("UTF-8").isEqualTo("UTF-8");
  }

  @Test
  void aByteOrderMarkMeansUtf8WithBom() throws IOException {
    byte[] text = "\uFEFF身份证号,姓名\n".getBytes(StandardCharsets.UTF_8);
    assertThat(of(text).encoding()).as("BOM").isEqualTo("UTF-8-BOM");
  }

  @Test
  void textThatIsNotUtf8IsGb18030() throws IOException {
    assertThat(of("身份证号,姓名\n".getBytes(Fixtures.GBK)).encoding()).as("GBK bytes").isEqualTo("GB18030");
  }

  @Test
  void aMultiByteCharacterAcrossTheReadBufferIsStillUtf8() throws IOException {
    byte[] text = ("a".repeat((1 << 16) - 1) + "党").getBytes(StandardCharsets.UTF_8);
    assertThat(of(text).encoding()).as("split character").isEqualTo("UTF-8");
  }

  @Test
  void aGbkByteLateInTheFileMakesItGb18030() throws IOException {
    byte[] ascii = "a,b\n".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
    byte[] gbk = "张三\n".getBytes(Fixtures.GBK);
    byte[] text = new byte[ascii.length + gbk.length];
    System.arraycopy(ascii, 0, text, 0, ascii.length);
    System.arraycopy(gbk, 0, text, ascii.length, gbk.length);
    assertThat(of(text).encoding()).as("GBK after 200 kB of ASCII").isEqualTo("GB18030");
  }

  @Test
  void aWorkbookIsXlsxByItsZipSignature(@TempDir Path dir) throws IOException {
    Path file = Fixtures.xlsx(dir, "w.xlsx", "title", List.of("a", "b"), List.of(), "注");
    Fingerprint print = Fingerprint.of(Files.newInputStream(file));
    assertThat(print.format()).as("format").isEqualTo("xlsx");
    assertThat(print.encoding()).as("no text encoding").isNull();
  }

  @Test
  void hashIsTheSha256OfTheBytes() throws IOException {
    assertThat(of("abc".getBytes(StandardCharsets.US_ASCII)).sha256()).as("SHA-256 of abc")
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
