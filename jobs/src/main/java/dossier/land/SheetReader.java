package dossier.land;

import java.io.Closeable;
import java.util.Iterator;

/** Reads a delivered file row by row, streaming: nothing but the current row is held. */
interface SheetReader extends Iterator<SheetRow>, Closeable {}
