package dossier.lake;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}) without its child processes. Without Hadoop's native
 * library, which no Maven artifact carries, Hadoop sets a permission by running {@code chmod} and
 * reads a link by running {@code readlink}: once for every file and folder created and every rename
 * of a Delta commit, about 1,700 processes (and as many threads) in one run of a 200-cadre month.
 * These classes do both through {@code java.nio} and leave everything else to Hadoop. The local
 * profile names them ({@code fs.file.impl} for the FileSystem API Spark writes through,
 * {@code fs.AbstractFileSystem.file.impl} for the FileContext API Delta commits through); a lake on
 * HDFS or object storage never uses them.
 */
public final class LocalDisk {
  private LocalDisk() {}

  /** The FileSystem API's {@code file:} (checksummed, like Hadoop's own LocalFileSystem). */
  public static final class FileSystem extends org.apache.hadoop.fs.LocalFileSystem {
    public FileSystem() {
      super(new RawFileSystem());
    }
  }

  /** The FileContext API's {@code file:} (checksummed, like Hadoop's own LocalFs). */
  public static final class FileContextFs extends ChecksumFs {
    public FileContextFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new RawFileContextFs(uri, conf));
    }
  }

  /** Hadoop's RawLocalFileSystem, with permissions and links read and set in-process. */
  static final class RawFileSystem extends RawLocalFileSystem {
    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
      Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission));
    }

    /** A path that is not a symbolic link has its own status (Hadoop runs readlink to find that out). */
    @Override
    public FileStatus getFileLinkStatus(Path path) throws IOException {
      return Files.isSymbolicLink(pathToFile(path).toPath()) ? super.getFileLinkStatus(path) : getFileStatus(path);
    }
  }

  /** What Hadoop's RawLocalFs is, over {@link RawFileSystem} (Hadoop's constructors are not public). */
  static final class RawFileContextFs extends DelegateToFileSystem {
    RawFileContextFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new RawFileSystem(), conf, "file", false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    @SuppressWarnings("deprecation")
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public FsServerDefaults getServerDefaults(Path path) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    /** Local file systems differ in what a valid name is: like Hadoop's, no check. */
    @Override
    public boolean isValidName(String src) {
      return true;
    }
  }

  /** The nine permission bits of a Hadoop permission, read from its rwx form (no sticky bit on local files here). */
  static Set<PosixFilePermission> posix(FsPermission permission) {
    return PosixFilePermissions.fromString(
        new FsPermission(permission.getUserAction(), permission.getGroupAction(), permission.getOtherAction()).toString());
  }
}
