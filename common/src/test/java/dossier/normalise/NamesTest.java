package dossier.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void removesSpacesBetweenCharacters() {
    assertThat(Names.normalise("张 三")).as("ASCII space").isEqualTo("张三");
    assertThat(Names.normalise("张\u3000三")).as("full-width space").isEqualTo("张三");
    assertThat(Names.normalise(" 欧阳 小 明 ")).as("several").isEqualTo("欧阳小明");
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"00B7", "2022", "30FB", "FF65", "0387", "2027", "2219", "22C5", "FF0E", "002E"})
  void unifiesMiddleDotsToU00B7(String codePoint) {
    String dot = Character.toString(Integer.parseInt(codePoint, 16));
    assertThat(Names.normalise("阿依古丽" + dot + "买买提")).as("dot U+" + codePoint).isEqualTo("阿依古丽·买买提");
  }

  @Test
  void nullStaysNull() {
    assertThat(Names.normalise(null)).as("null").isNull();
  }
}
