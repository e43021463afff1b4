package dossier.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private final Values values = Values.withNullWords(List.of("", "无", "/", "-"));

  @Test
  void trimsOrdinaryAndIdeographicSpaces() {
    assertThat(values.clean("\u3000 党纪处分 \u3000")).as("U+3000 around").isEqualTo("党纪处分");
  }

  @Test
  void foldsFullWidthDigitsLettersAndPunctuation() {
    assertThat(values.clean("ＡＢｃ１２３（万元），")).as("full-width").isEqualTo("ABc123(万元),");
  }

  @Test
  void leavesChineseTextAndCjkPunctuationAlone() {
    assertThat(values.clean("撤销党内职务。")).as("CJK").isEqualTo("撤销党内职务。");
  }

  @Test
  void readsNullWordsAndBlanksAsNull() {
    assertThat(values.clean("无")).as("无").isNull();
    assertThat(values.clean(" / ")).as("/").isNull();
    assertThat(values.clean("－")).as("full-width minus is the null word -").isNull();
    assertThat(values.clean("\u3000")).as("only a full-width space").isNull();
    assertThat(values.clean(null)).as("absent cell").isNull();
  }

  @Test
  void keepsValuesThatOnlyContainANullWord() {
    assertThat(values.clean("无锡")).as("无锡 is a city").isEqualTo("无锡");
  }

  @Test
  void nullWordsComeFromConfiguration() {
    Values custom = Values.withNullWords(List.of("不详"));
    assertThat(custom.clean("不详")).as("configured word").isNull();
    assertThat(custom.clean("无")).as("not configured").isEqualTo("无");
  }

  @Test
  void removesSpacesOfEveryKindInside() {
    assertThat(Values.removeSpaces("张 三\u3000丰\u00A0")).as("inner spaces").isEqualTo("张三丰");
  }
}
