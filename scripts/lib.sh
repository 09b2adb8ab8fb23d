# Shared by ./stockade and scripts/*: find a JDK 25 and run Maven with it.
# shellcheck shell=bash

stockade_find_java() {
    local v
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        v=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
        if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then
            echo "$JAVA_HOME"
            return 0
        fi
    fi
    local d
    for d in /usr/lib/jvm/*25* /usr/lib/jvm/*; do
        [ -x "$d/bin/javac" ] || continue
        v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
        if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then
            echo "$d"
            return 0
        fi
    done
    return 1
}

stockade_require_java() {
    if ! JAVA_HOME=$(stockade_find_java); then
        cat >&2 <<'MSG'
stockade: needs a Java 25 (or newer) JDK and found none.
  Looked at $JAVA_HOME and /usr/lib/jvm/*.
  Install one, e.g. Temurin 25 (apt: temurin-25-jdk from the Adoptium repository) or
  openjdk-25-jdk where your distribution has it, then run this again (or set JAVA_HOME).
MSG
        exit 2
    fi
    export JAVA_HOME
    export PATH="$JAVA_HOME/bin:$PATH"
}

stockade_require_maven() {
    if ! command -v mvn >/dev/null 2>&1; then
        echo "stockade: installing Maven (apt-get install maven)..." >&2
        if [ "$(id -u)" = 0 ]; then
            apt-get update -qq >/dev/null && apt-get install -y -qq maven >/dev/null
        else
            echo "stockade: Maven (mvn) is missing; install it (apt-get install maven) and run again." >&2
            exit 2
        fi
    fi
    # Maven's own libraries touch sun.misc.Unsafe; keep JDK 25 from warning about it on every run.
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
}

# nftables for the data-plane tests (nft -c checks rulesets without touching the kernel's tables;
# the network-namespace tests load them into throwaway namespaces). Installed with apt when
# missing and we are root; otherwise those tests are skipped.
stockade_require_nft() {
    if command -v nft >/dev/null 2>&1; then
        return 0
    fi
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "stockade: installing nftables (apt-get install nftables)..." >&2
        apt-get update -qq >/dev/null && apt-get install -y -qq nftables >/dev/null \
            || echo "stockade: could not install nftables; the nft tests will be skipped." >&2
    else
        echo "stockade: nft is missing (apt-get install nftables as root); the nft tests will be skipped." >&2
    fi
}
