package dossier.publish.quality;

import dossier.analyse.AnalysedColumns;
import dossier.schema.TableSpec;

/**
 * {@code data_quality}: what each publish run found about the data it published, per dataset,
 * and how its expectations fared. Grain: one row per as-of month × run × dataset, plus one row
 * {@value QualityTransforms#ALL} per run with the totals and the run-level expectations. The
 * internal {@code analysed/data_quality} (Delta, by as-of month) holds the latest check of each
 * as-of month, a failed run's included (it says why nothing was published); the curated table
 * holds the rows of the run that published each as-of month. Every run is in the run log.
 */
public final class QualityTable {
  public static final TableSpec SPEC = TableSpec.builder("data_quality", "数据质量",
          "one row per as-of month × run × dataset (and one row 'all' per run)")
      .key("as_of_month", "run_id", "dataset")
      .column(AnalysedColumns.AS_OF_MONTH)
      .column("run_id", "运行编号", "string", "The publish run that checked the data (see the run log).")
      .column("dataset", "数据集", "string",
          "The dataset (e.g. jw_cf); 'unmatched' for files whose name matches no dataset; 'all' for the run's totals.")
      .column("files", "文件数", "bigint", "Delivered files in their current version (landed, replaced or rejected).")
      .column("files_rejected", "拒收文件数", "bigint", "Of them, files rejected whole (missing column, unreadable).")
      .column("files_not_conserved", "行数不守恒文件数", "bigint",
          "Of them, files whose rows read differ from rows landed + rows quarantined + rows in a rejected file "
              + "(should be 0).")
      .column("rows_read", "读取行数", "bigint", "Data rows read from those files.")
      .column("rows_landed", "入库行数", "bigint", "Rows landed in the raw table.")
      .column("rows_quarantined", "隔离行数", "bigint", "Rows quarantined with a reason.")
      .column("rows_rejected", "拒收文件行数", "bigint",
          "Rows of files rejected whole: the file is one quarantine entry with its reason, its rows are not "
              + "quarantined one by one.")
      .column("quarantine_share", "隔离比例", "decimal(7,4)", "rows_quarantined / rows_read; null when no row was read.")
      .column("matters", "事项数", "bigint",
          "Distinct matters (business keys) among the landed rows, from conform's dataset_stats; null for datasets "
              + "that hold no person records (registers, rosters, unit assessments).")
      .column("exact_duplicates", "完全重复行数", "bigint", "Rows identical to an earlier row of the same file, kept once.")
      .column("cross_source_merges", "跨来源合并数", "bigint",
          "Matters merged into another dataset's record as duplicates (zzb_cf sanctions into jw_cf).")
      .column("superseded_versions", "被替代版本数", "bigint",
          "Rows superseded by a later row of the same matter (re-sent petitions, corrections).")
      .column("revocations", "撤销数", "bigint", "Records whose latest state is revoked (撤销).")
      .column("unresolved", "未匹配数", "bigint", "Matters that could not be tied to exactly one cadre.")
      .column("unresolved_share", "未匹配比例", "decimal(7,4)", "unresolved / matters; null without matters.")
      .column("records_out", "输出事项数", "bigint", "Supervision records the dataset contributes.")
      .column("id_shaped_rows", "含身份证号行数", "bigint",
          "'all' row only: curated rows about to be written that hold an ID number in any text (should be 0).")
      .column("expectations", "质量规则结果", "array<string>",
          "Every expectation checked on the row: 'name (hard|soft): passed|FAILED, figures'. The expectations and "
              + "their limits are configured under dossier.quality.")
      .column("hard_failures", "硬性规则失败数", "int", "Hard expectations that failed: any stops the run (exit code 4).")
      .column("soft_failures", "提示规则失败数", "int", "Soft expectations that failed: reported only.")
      .build();

  private QualityTable() {}
}
