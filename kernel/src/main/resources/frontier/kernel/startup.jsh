// Imports every Frontier session starts with, so cells use the project's entry points without
// imports. Lines whose class or package is missing from this build are skipped at start-up.
import java.util.*;
import java.util.stream.*;
import java.util.function.*;
import java.io.*;
import java.nio.file.*;
import java.math.*;
import java.time.*;
import frontier.array.*;
import frontier.store.*;
import frontier.zarr.Zarr;
import frontier.ome.OmeZarr;
import frontier.ipfs.Ipfs;
import frontier.progress.*;
import frontier.display.Displayable;
import static frontier.kernel.Display.display;
import static frontier.kernel.Display.clearOutput;
import static frontier.kernel.Display.html;
import static frontier.kernel.Display.markdown;
import static frontier.kernel.Display.svg;
import static frontier.viewer.View.view;
