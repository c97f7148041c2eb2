// The "typical solution" the C++ benches compile (bench/cpp.mjs in Node, bench/cpp_browser.mjs in
// the browser and Node): iostream, vector, sort and string, as model-written C++ usually includes.
export const TYPICAL_CPP = `#include <iostream>\n#include <vector>\n#include <algorithm>\n#include <string>\nusing namespace std;\nint main() {\n  int n; cin >> n;\n  vector<long long> v(n);\n  for (auto& x : v) cin >> x;\n  sort(v.begin(), v.end());\n  string s;\n  for (auto x : v) s += to_string(x) + " ";\n  cout << s << endl;\n}\n`;

/** Its input and what it prints for it. */
export const TYPICAL_STDIN = '3\n3 1 2\n';
export const TYPICAL_STDOUT = '1 2 3 \n';
