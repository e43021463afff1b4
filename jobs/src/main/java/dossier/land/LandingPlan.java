package dossier.land;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides, before any row is read, what a landing run does with each file. A file is identified
 * by its name without the extension ({@link FileNames#versionKey}); the versions of a file are
 * ordered by path (delivery month first). Walking them in
 * that order, the first is landed, a version with the bytes of the current one is skipped, and a
 * version with new bytes replaces the current one, which becomes superseded. The walk covers the
 * versions already in the manifest and the new ones together, so one run over all months and
 * one run per month in order reach the same statuses and rows; a name's rows are (re)written only
 * when its current version changed. A superseded version keeps its rows, marked with the version
 * that replaced it: what it delivered stays delivered in its month (issue 22, defect 1).
 */
final class LandingPlan {
  private LandingPlan() {}

  /** How a version relates to the other versions of its name. */
  enum Relation {
    /** The first version: landed. */
    FIRST,
    /** New bytes after an earlier version: replaced that one. */
    REPLACES,
    /** The same bytes as the current version: skipped. */
    SAME_AS,
    /** A later version with new bytes took its place: superseded. */
    SUPERSEDED_BY
  }

  /** A version's relation and the path it relates to (null for FIRST). */
  record Link(Relation relation, String other) {
    boolean isCurrent() {
      return relation == Relation.FIRST || relation == Relation.REPLACES;
    }

    String status() {
      return switch (relation) {
        case FIRST -> ManifestEntry.LANDED;
        case REPLACES -> ManifestEntry.REPLACED;
        case SAME_AS -> ManifestEntry.SKIPPED;
        case SUPERSEDED_BY -> ManifestEntry.SUPERSEDED;
      };
    }

    String message() {
      return switch (relation) {
        case FIRST -> null;
        case REPLACES -> "replaces " + other;
        case SAME_AS -> "identical to " + other;
        case SUPERSEDED_BY -> "replaced by " + other;
      };
    }
  }

  /** What the run does with one path. */
  enum Action {
    /** The name's current version, new or changed: read it and (re)write the name's rows. */
    WRITE,
    /** A version superseded within this run: read it and land its rows, marked superseded. */
    KEEP,
    /** Only the manifest row changes (a skipped file, or a status that moved). */
    RECORD
  }

  /**
   * One path the run acts on.
   *
   * @param versionNames the file names of every version of this file (extensions may differ)
   * @param delivery the file as found now, or null when it is known from the manifest only
   * @param previous its manifest row before this run, or null when it is new
   */
  record Step(String sourcePath, String sourceFile, Set<String> versionNames, Link link, Action action,
      Delivery delivery, ManifestEntry previous) {}

  /** The steps of a run; paths whose manifest row stays as it is have none. */
  static List<Step> plan(List<ManifestEntry> manifest, List<Delivery> deliveries) {
    Map<String, ManifestEntry> known = new LinkedHashMap<>();
    manifest.forEach(e -> known.put(e.sourcePath(), e));
    Map<String, Delivery> found = new LinkedHashMap<>();
    deliveries.forEach(d -> found.put(d.file().sourcePath(), d));
    Set<String> changedKeys = new TreeSet<>();
    deliveries.stream()
        .filter(d -> isNewBytes(d, known.get(d.file().sourcePath())))
        .forEach(d -> changedKeys.add(FileNames.versionKey(d.file().fileName())));

    List<Step> steps = new ArrayList<>();
    for (String key : changedKeys) {
      Map<String, String> before = new TreeMap<>();
      Map<String, String> after = new TreeMap<>();
      Map<String, String> names = new TreeMap<>();
      known.values().stream().filter(e -> FileNames.versionKey(e.sourceFile()).equals(key)).forEach(e -> {
        before.put(e.sourcePath(), e.sha256());
        names.put(e.sourcePath(), e.sourceFile());
      });
      after.putAll(before);
      deliveries.stream().filter(d -> FileNames.versionKey(d.file().fileName()).equals(key)).forEach(d -> {
        after.put(d.file().sourcePath(), d.fingerprint().sha256());
        names.put(d.file().sourcePath(), d.file().fileName());
      });
      Set<String> versionNames = new TreeSet<>(names.values());
      Map<String, Link> linksBefore = walk(before);
      walk(after).forEach((path, link) -> {
        Delivery delivery = found.get(path);
        ManifestEntry previous = known.get(path);
        boolean newBytes = isNewBytes(delivery, previous);
        boolean moved = !link.equals(linksBefore.get(path));
        Action action = link.isCurrent() ? (newBytes || moved ? Action.WRITE : null)
            : link.relation() == Relation.SUPERSEDED_BY && newBytes ? Action.KEEP
            : newBytes || moved ? Action.RECORD : null;
        if (action != null) {
          steps.add(new Step(path, names.get(path), versionNames, link, action, delivery, previous));
        }
      });
    }
    steps.sort(Comparator.comparing(Step::sourcePath));
    return steps;
  }

  private static boolean isNewBytes(Delivery delivery, ManifestEntry previous) {
    return delivery != null && (previous == null || !previous.sha256().equals(delivery.fingerprint().sha256()));
  }

  /** Links the versions of one name (path to SHA-256, in path order). */
  static Map<String, Link> walk(Map<String, String> shaByPath) {
    Map<String, Link> links = new LinkedHashMap<>();
    String current = null;
    for (Map.Entry<String, String> version : new TreeMap<>(shaByPath).entrySet()) {
      String path = version.getKey();
      if (current != null && Objects.equals(shaByPath.get(current), version.getValue())) {
        links.put(path, new Link(Relation.SAME_AS, current));
      } else {
        if (current != null) {
          links.put(current, new Link(Relation.SUPERSEDED_BY, path));
        }
        links.put(path, current == null ? new Link(Relation.FIRST, null) : new Link(Relation.REPLACES, current));
        current = path;
      }
    }
    return links;
  }
}
