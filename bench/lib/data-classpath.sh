# Shared by the benches that run code of the data module: builds its jar when missing or older than
# its sources, and prints "JAR:DEPENDENCIES" for java -cp. Maven runs offline first and online when
# the offline run fails (a fresh machine lacks the dependency plugin until it is downloaded once).
# usage: . bench/lib/data-classpath.sh; CP=$(data_classpath LOGFILE)
data_classpath() {
  local log=${1:-/dev/null} jar cpfile=bench/target/data-classpath.txt
  mkdir -p bench/target
  jar=$(ls data/target/frontier-data-*.jar 2>/dev/null | grep -v -e sources -e tests | head -1 || true)
  if [ -z "$jar" ] || [ -n "$(find data/src/main -newer "$jar" -print -quit)" ]; then
    mvn -B -q -o -pl data -am package -DskipTests >>"$log" 2>&1 \
      || mvn -B -q -pl data -am package -DskipTests >>"$log" 2>&1 \
      || { echo "bench: building the data module failed, see $log" >&2; return 1; }
    jar=$(ls data/target/frontier-data-*.jar | grep -v -e sources -e tests | head -1)
  fi
  if [ ! -s "$cpfile" ] || [ data/pom.xml -nt "$cpfile" ] || [ pom.xml -nt "$cpfile" ]; then
    mvn -B -q -o -pl data dependency:build-classpath -Dmdep.outputFile="$PWD/$cpfile" >>"$log" 2>&1 \
      || mvn -B -q -pl data dependency:build-classpath -Dmdep.outputFile="$PWD/$cpfile" >>"$log" 2>&1 \
      || { echo "bench: resolving the data module's classpath failed, see $log" >&2; return 1; }
  fi
  echo "$jar:$(cat "$cpfile")"
}
