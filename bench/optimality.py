#!/usr/bin/env python3
"""Checks the matching engine against an independent exact solver: networkx's max_weight_matching
(Debian's python3-networkx) on the same full candidate graph, written by OptimalityExport.

    bench/optimality.sh 200 500 1000
"""
import sys
import time

import networkx as nx


def main(path):
    graph = nx.Graph()
    with open(path) as lines:
        _, _, full, pruned, bound = next(lines).split()
        for line in lines:
            a, b, score = line.split()
            graph.add_edge(int(a), int(b), weight=float(score))
    start = time.monotonic()
    matching = nx.max_weight_matching(graph)
    seconds = time.monotonic() - start
    exact = sum(graph[a][b]["weight"] for a, b in matching)
    full, pruned, bound = float(full), float(pruned), float(bound)
    same = abs(exact - full) <= 1e-6 * max(1.0, exact)
    bounds = bound >= exact - 1e-6 * max(1.0, exact)
    print(f"{graph.number_of_nodes():>6} people {graph.number_of_edges():>9} pairs  networkx {exact:12.4f} "
          f"({seconds:7.1f} s)  engine full {full:12.4f} {'EQUAL' if same else 'DIFFERENT'}  "
          f"engine as run {pruned:12.4f} = {100 * pruned / exact:7.3f} %  "
          f"bound {bound:12.4f} = {100 * bound / exact:7.3f} % {'HOLDS' if bounds else 'BROKEN'}")
    return 0 if same and bounds and pruned >= 0.99 * exact - 1e-9 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
