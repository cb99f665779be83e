graph[node[role"à"]]
