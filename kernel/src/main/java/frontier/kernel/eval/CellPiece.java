package frontier.kernel.eval;

import jdk.jshell.SourceCodeAnalysis;

/** One snippet of a cell: its source as JShell wants it, and where it starts in the cell. */
record CellPiece(String source, int start, int end, SourceCodeAnalysis.Completeness completeness) {
}
