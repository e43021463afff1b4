package dossier.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Statuses and actions decided from names and hashes alone. */
class LandingPlanTest {
  private static final String JAN = "2024-01/jw/jw_cf_202401.csv";
  private static final String FEB = "2024-02/jw/jw_cf_202401.csv";
  private static final String MAR = "2024-03/jw/jw_cf_202401.csv";

  @Test
  void aWorkbookResentAsCsvIsANewVersionOfTheSameFile() {
    String csv = "2024-02/jw/jw_cf_202401.csv";
    String xlsx = "2024-01/jw/jw_cf_202401.xlsx";
    List<LandingPlan.Step> steps = LandingPlan.plan(List.of(entry(xlsx, "a", "landed")), List.of(delivery(csv, "b")));

    assertThat(summary(steps)).as("steps")
        .containsExactly(Map.entry(xlsx, "superseded RECORD"), Map.entry(csv, "replaced WRITE"));
    assertThat(steps.get(1).versionNames()).as("names whose rows the CSV replaces")
        .containsExactly("jw_cf_202401.csv", "jw_cf_202401.xlsx");
  }

  private static Delivery delivery(String path, String sha) {
    DeliveredFile file = new DeliveredFile("file:/landing/" + path, path, path.substring(0, 7), 10);
    return new Delivery(file, new FileNames.Identity("jw_cf", "2024-01", "csv", null),
        new Fingerprint(sha, "csv", "UTF-8"));
  }

  private static ManifestEntry entry(String path, String sha, String status) {
    return new ManifestEntry(path, path.substring(path.lastIndexOf('/') + 1), "jw_cf", path.substring(0, 7), "2024-01", sha, 10, "csv",
        "UTF-8", status, 1, 1, 0, 0, null);
  }

  private static Map<String, String> summary(List<LandingPlan.Step> steps) {
    Map<String, String> byPath = new TreeMap<>();
    steps.forEach(s -> byPath.put(s.sourcePath(), s.link().status() + " " + s.action()));
    return byPath;
  }

  @Test
  void walkLandsTheFirstSkipsIdenticalBytesAndReplacesOnNewBytes() {
    Map<String, LandingPlan.Link> links = LandingPlan.walk(Map.of(JAN, "a", FEB, "a", MAR, "b"));

    assertThat(links.get(JAN)).as("jan").isEqualTo(new LandingPlan.Link(LandingPlan.Relation.SUPERSEDED_BY, MAR));
    assertThat(links.get(FEB)).as("feb").isEqualTo(new LandingPlan.Link(LandingPlan.Relation.SAME_AS, JAN));
    assertThat(links.get(MAR)).as("mar").isEqualTo(new LandingPlan.Link(LandingPlan.Relation.REPLACES, JAN));
  }

  @Test
  void aNewFileIsLandedAndWritten() {
    assertThat(summary(LandingPlan.plan(List.of(), List.of(delivery(JAN, "a"))))).as("steps")
        .containsExactly(Map.entry(JAN, "landed WRITE"));
  }

  @Test
  void aKnownFileWithTheSameBytesNeedsNothing() {
    assertThat(LandingPlan.plan(List.of(entry(JAN, "a", "landed")), List.of(delivery(JAN, "a")))).as("steps").isEmpty();
  }

  @Test
  void anIdenticalRedeliveryIsSkippedWithoutWriting() {
    assertThat(summary(LandingPlan.plan(List.of(entry(JAN, "a", "landed")), List.of(delivery(JAN, "a"),
        delivery(FEB, "a"))))).as("steps").containsExactly(Map.entry(FEB, "skipped RECORD"));
  }

  @Test
  void newBytesReplaceTheCurrentVersionWhichBecomesSuperseded() {
    assertThat(summary(LandingPlan.plan(List.of(entry(JAN, "a", "landed")), List.of(delivery(JAN, "a"),
        delivery(FEB, "b"))))).as("steps")
        .containsExactly(Map.entry(JAN, "superseded RECORD"), Map.entry(FEB, "replaced WRITE"));
  }

  @Test
  void versionsInOneRunAreCountedButOnlyTheLastIsWritten() {
    assertThat(summary(LandingPlan.plan(List.of(), List.of(delivery(JAN, "a"), delivery(FEB, "b"),
        delivery(MAR, "c"))))).as("steps").containsExactly(Map.entry(JAN, "superseded KEEP"),
        Map.entry(FEB, "superseded KEEP"), Map.entry(MAR, "replaced WRITE"));
  }

  @Test
  void aLateOlderVersionDoesNotOverrideTheCurrentOneButRelandsIt() {
    assertThat(summary(LandingPlan.plan(List.of(entry(FEB, "b", "landed")), List.of(delivery(JAN, "a"),
        delivery(FEB, "b"))))).as("steps")
        .containsExactly(Map.entry(JAN, "superseded KEEP"), Map.entry(FEB, "replaced WRITE"));
  }

  @Test
  void aSkippedVersionThatBecomesCurrentIsWritten() {
    List<ManifestEntry> manifest = List.of(entry(JAN, "a", "landed"), entry(MAR, "a", "skipped"));
    assertThat(summary(LandingPlan.plan(manifest, List.of(delivery(JAN, "a"), delivery(FEB, "b"),
        delivery(MAR, "a"))))).as("steps").containsExactly(Map.entry(JAN, "superseded RECORD"),
        Map.entry(FEB, "superseded KEEP"), Map.entry(MAR, "replaced WRITE"));
  }
}
