#!/usr/bin/env bash
# Builds the reference tools that scripts/differential.ts compares against, from their sources at
# the versions the conformance corpora were made with. Needs Go (1.19 or newer) and a git clone
# (or mirror) of each project; all four vendor their dependencies, so no network is needed.
#
#   scripts/build-oracles.sh OUT_DIR COREOS_CLOUDINIT_GIT FLATCAR_CLOUDINIT_GIT IGNITION_GIT BUTANE_GIT
#
# Then: ORACLE_COREOS=OUT_DIR/coreos-oracle ORACLE_FLATCAR=OUT_DIR/flatcar-oracle \
#       IGNITION_VALIDATE=OUT_DIR/ignition-validate BUTANE=OUT_DIR/butane npm run differential
set -euo pipefail
[ $# -eq 5 ] || { sed -n 2,10p "$0"; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A command printing validate.Validate's report for each file, as JSON (the corpus's format).
oracle_main() {
  cat <<GO
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"$1/config/validate"
)

func main() {
	out := []map[string]interface{}{}
	for _, f := range os.Args[1:] {
		b, err := os.ReadFile(f)
		if err != nil {
			panic(err)
		}
		r, verr := validate.Validate(b)
		var fatal interface{}
		if verr != nil {
			fatal = verr.Error()
		}
		entries := []interface{}{}
		for _, e := range r.Entries() {
			j, _ := e.MarshalJSON()
			var m interface{}
			json.Unmarshal(j, &m)
			entries = append(entries, m)
		}
		out = append(out, map[string]interface{}{"file": f, "entries": entries, "fatal": fatal})
	}
	j, _ := json.Marshal(out)
	fmt.Println(string(j))
}
GO
}

# coreos-cloudinit f1f0405 (the 2018 validator): GOPATH layout, vendored go-yaml fork.
src="$work/gopath/src/github.com/coreos/coreos-cloudinit"
mkdir -p "$src/cmd/oracle"
git -C "$2" archive f1f0405 | tar -x -C "$src"
oracle_main github.com/coreos/coreos-cloudinit > "$src/cmd/oracle/main.go"
(cd "$src" && GO111MODULE=off GOPATH="$work/gopath" go build -o "$out/coreos-oracle" ./cmd/oracle)

# flatcar/coreos-cloudinit 8df59e8 (yaml.v3), a module with vendored dependencies.
src="$work/flatcar"
mkdir -p "$src/cmd/oracle"
git -C "$3" archive 8df59e8 | tar -x -C "$src"
oracle_main github.com/flatcar/coreos-cloudinit > "$src/cmd/oracle/main.go"
(cd "$src" && GOFLAGS=-mod=vendor go build -o "$out/flatcar-oracle" ./cmd/oracle)

# ignition-validate v2.20.0 and butane v0.22.0.
mkdir -p "$work/ignition" "$work/butane"
git -C "$4" archive v2.20.0 | tar -x -C "$work/ignition"
(cd "$work/ignition" && GOFLAGS=-mod=vendor go build -o "$out/ignition-validate" ./validate)
git -C "$5" archive v0.22.0 | tar -x -C "$work/butane"
(cd "$work/butane" && GOFLAGS=-mod=vendor go build -o "$out/butane" ./internal)
ls -l "$out"
