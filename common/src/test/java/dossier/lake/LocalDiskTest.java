package dossier.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell-free local file system behaves as Hadoop's own where Spark and Delta use it: files and
 * folders get the permissions asked for, a FileContext rename (a Delta commit) refuses to overwrite,
 * and a link's status is the one Hadoop gives it.
 */
class LocalDiskTest {
  @TempDir
  java.nio.file.Path folder;

  private static Configuration configuration() {
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", LocalDisk.FileSystem.class.getName());
    conf.set("fs.AbstractFileSystem.file.impl", LocalDisk.FileContextFs.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  @Test
  void filesAndFoldersGetThePermissionsAskedFor() throws Exception {
    FileSystem fs = new Path(folder.toUri()).getFileSystem(configuration());
    assertThat(fs).isInstanceOf(LocalDisk.FileSystem.class);
    Path table = new Path(folder.resolve("table").toUri());
    Path file = new Path(table, "part-0.parquet");

    assertThat(fs.mkdirs(table, new FsPermission((short) 0750))).isTrue();
    try (OutputStream out = fs.create(file, new FsPermission((short) 0640), false, 4096, (short) 1, 1 << 20, null)) {
      out.write("rows".getBytes(StandardCharsets.UTF_8));
    }
    fs.setPermission(file, new FsPermission((short) 0604));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("table"))))
        .isEqualTo("rwxr-x---");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("table/part-0.parquet"))))
        .isEqualTo("rw----r--");
    assertThat(fs.getFileStatus(file).getPermission()).isEqualTo(new FsPermission((short) 0604));
    assertThat(folder.resolve("table/.part-0.parquet.crc")).as("checksummed like Hadoop's LocalFileSystem").exists();
  }

  @Test
  void aCommitRenameRefusesToOverwriteAndAMissingPathIsReportedAsMissing() throws Exception {
    FileContext files = FileContext.getFileContext(new Path(folder.toUri()).toUri(), configuration());
    Path log = new Path(folder.resolve("_delta_log").toUri());
    files.mkdir(log, FsPermission.getDirDefault(), true);
    Path temp = new Path(log, ".00000.json.tmp");
    Path commit = new Path(log, "00000.json");
    write(files, temp, "{\"add\":1}");

    files.rename(temp, commit, Options.Rename.NONE);

    assertThat(Files.readString(folder.resolve("_delta_log/00000.json"))).isEqualTo("{\"add\":1}");
    Path rival = new Path(log, ".00000.json.rival");
    write(files, rival, "{\"add\":2}");
    assertThatThrownBy(() -> files.rename(rival, commit, Options.Rename.NONE))
        .as("a second writer of the same version loses").isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> files.getFileLinkStatus(new Path(log, "00001.json")))
        .isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void aLinkHasTheStatusHadoopGivesIt() throws Exception {
    java.nio.file.Path target = Files.writeString(folder.resolve("target.csv"), "a,b");
    Path link = new Path(Files.createSymbolicLink(folder.resolve("link.csv"), target).toUri());
    FileSystem fs = new Path(folder.toUri()).getFileSystem(configuration());
    Configuration hadoops = new Configuration(false);
    hadoops.setBoolean("fs.file.impl.disable.cache", true);
    FileSystem hadoop = new Path(folder.toUri()).getFileSystem(hadoops);
    assertThat(hadoop).isNotInstanceOf(LocalDisk.FileSystem.class);

    for (Path path : List.of(link, new Path(target.toUri()))) {
      assertThat(fs.getFileLinkStatus(path).isSymlink()).as(path.toString())
          .isEqualTo(hadoop.getFileLinkStatus(path).isSymlink());
      assertThat(fs.getFileLinkStatus(path).getLen()).as(path.toString())
          .isEqualTo(hadoop.getFileLinkStatus(path).getLen());
    }
  }

  private static void write(FileContext files, Path path, String text) throws Exception {
    try (OutputStream out = files.create(path, EnumSet.of(CreateFlag.CREATE))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
