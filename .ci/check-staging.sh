#!/usr/bin/env bash
# Checks a staged release bundle (mvn -B -Prelease clean deploy -DskipTests writes target/staging-deploy):
# every published module has its pom and, for a jar module, its jar, sources jar and Javadoc jar (each with .asc
# when signed: pass --signed), and no module that is never published is there.
#   bash .ci/check-staging.sh target/staging-deploy [--signed]
set -euo pipefail
root="${1:?usage: check-staging.sh <staging-dir> [--signed]}"
signed="${2:-}"
base="$root/dev/codespar"
poms=(codespar-java-parent codespar-bom)
jars=(codespar-java codespar-java-testkit codespar-openai codespar-anthropic codespar-langchain4j codespar-spring-ai
      codespar-spring-boot-starter)
never=(codespar-java-examples codespar-java-benchmarks codespar-docs-test codespar-java-module-test
       codespar-openai-example codespar-anthropic-example codespar-langchain4j-example codespar-spring-ai-example
       codespar-spring-ai-compat11 codespar-consumer-test codespar-spring-boot-starter-boot35
       codespar-spring-boot-example)
fail=0

need() {   # need <artifact> <suffix>: one file <artifact>-<version><suffix> in the artifact's version directory
  local found
  # <artifact>-<version or snapshot timestamp, ending in a digit><suffix>: no other classifier passes for ".jar"
  found="$(find "$base/$1" -type f -regex ".*/$1-[0-9][^/]*[0-9]$2" 2>/dev/null | head -1 || true)"
  if [ -z "$found" ]; then
    echo "missing: $1 *$2"; fail=1; return
  fi
  if [ "$signed" = "--signed" ] && [ ! -f "$found.asc" ]; then
    echo "unsigned: $found"; fail=1
  fi
}

for a in "${poms[@]}"; do need "$a" .pom; done
for a in "${jars[@]}"; do
  need "$a" .pom; need "$a" .jar; need "$a" -sources.jar; need "$a" -javadoc.jar
done
for a in "${never[@]}"; do
  if [ -e "$base/$a" ] || find "$root" -path "*/$a/*" -print -quit | grep -q .; then
    echo "must not be published: $a"; fail=1
  fi
done
# nothing staged outside dev/codespar
if find "$root" -mindepth 1 -maxdepth 1 ! -name dev | grep -q .; then
  echo "unexpected group in the bundle:"; find "$root" -mindepth 1 -maxdepth 1 ! -name dev; fail=1
fi
if [ "$fail" -ne 0 ]; then
  exit 1
fi
echo "staging bundle complete: $(find "$root" -type f \( -name '*.jar' -o -name '*.pom' \) | wc -l) archives and poms"
find "$base" -type f \( -name '*.jar' -o -name '*.pom' -o -name '*.asc' \) | sed "s#^$root/##" | sort
