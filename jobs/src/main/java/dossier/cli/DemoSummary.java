package dossier.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import dossier.conform.dossier.DossierPage;
import dossier.job.JobContext;
import dossier.lake.Lake;
import dossier.lake.LakeListing;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The demo's closing lines: what was delivered and kept (from the file manifest), which tables
 * the lake holds, where a newcomer looks next, and one cadre's dossier page. Reads a few
 * aggregate rows and one cadre's records only.
 */
final class DemoSummary {
  private static final List<String> LAYERS = List.of("raw", "conformed", "analysed", "curated");

  private final JobContext context;
  private final Console console;

  DemoSummary(JobContext context, Console console) {
    this.context = context;
    this.console = console;
  }

  void print() {
    Lake lake = context.lake();
    console.line("summary");
    Dataset<Row> manifest = context.spark().read().format("delta").load(lake.fileManifest());
    Row totals = manifest.agg(count("*"), sum("rows_read"), sum("rows_landed"), sum("rows_quarantined")).first();
    String byStatus = manifest.groupBy("status").count().orderBy(col("count").desc(), col("status"))
        .collectAsList().stream().map(r -> Console.count(r.getLong(1)) + " " + r.getString(0))
        .collect(Collectors.joining(", "));
    console.line("  files      %s delivered: %s", Console.count(totals.getLong(0)), byStatus);
    console.line("  rows       %s read = %s landed + %s quarantined", Console.count(totals.getLong(1)),
        Console.count(totals.getLong(2)), Console.count(totals.getLong(3)));
    console.line("  tables     %s", LAYERS.stream()
        .map(layer -> layer + " " + LakeListing.tables(context.spark(), lake.root(), layer).size())
        .collect(Collectors.joining(" · ")));
    console.line("  look next  curated Parquet for BI:   %s/curated/{open,restricted}/", lake.root());
    console.line("             (<table>/: latest figures; <table>_reported/as_of_month=M/: as each run reported)");
    console.line("             rejected rows, reasons:  %s (Delta)", lake.quarantine());
    console.line("             every file and its fate: %s (Delta)", lake.fileManifest());
    console.line("             Spark's own log:         %s/", lake.logs());
    console.line("             what each table holds:   docs/architecture.md; commands: bin/dossier --help");
    printSampleDossier();
  }

  /** One dossier (一人一档) as a reader sees it: the current cadre with the most kinds of records, the ID masked. */
  private void printSampleDossier() {
    DossierPage.example(context).flatMap(key -> DossierPage.render(context, key)).ifPresent(page -> {
      console.line("");
      console.line("sample dossier (the current cadre with the most kinds of records)");
      page.lines().forEach(console::line);
    });
  }
}
