package dossier.job;

import java.util.List;

/** What a stage did, for people: the CLI prints these lines (counts, elapsed time, tables). */
public interface StageResult {
  List<String> lines();
}
