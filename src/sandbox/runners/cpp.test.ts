// The C++ runner's pure parts: its guard against a solution that rewrites the test's code with the
// preprocessor, the key it caches compiled programs by, and the first lines it precompiles.
import { describe, expect, it } from 'vitest';
import { headerPrefix, programKey, redefinedNames } from './cpp.js';

const TEST = '#undef NDEBUG\n#include <assert.h>\nint main(){\n    assert(has_close_elements({1.0, 2.0}, 0.5) == false);\n}\n';

describe('redefinedNames', () => {
  it('finds #define and #undef of main, assert and names the test uses', () => {
    expect(redefinedNames('#define main never_called\n', TEST)).toEqual(['main']);
    expect(redefinedNames('  #  undef assert\n', TEST)).toEqual(['assert']);
    expect(redefinedNames('#define has_close_elements(a, b) true\n', TEST)).toEqual(['has_close_elements']);
    expect(redefinedNames('#define NDEBUG 1\n#define false true\n', TEST)).toEqual(['NDEBUG', 'false']);
  });

  it('lets a solution define its own helpers, and ignores directives in comments', () => {
    expect(redefinedNames('#define ll long long\n#define MOD 1000000007\nll f() { return MOD; }\n', TEST)).toEqual([]);
    expect(redefinedNames('// #define main x\n/* #define assert(x)\n */\nint f();\n', TEST)).toEqual([]);
  });
});

describe('programKey', () => {
  it('is the same for the same source and differs with the solution or the test code', () => {
    expect(programKey('int main(){}', undefined)).toBe(programKey('int main(){}', undefined));
    expect(programKey('int main(){}', undefined)).toMatch(/^[0-9a-f]{64}$/);
    expect(programKey('int main(){}', undefined)).not.toBe(programKey('int main(){} ', undefined));
    expect(programKey('int f();', TEST)).not.toBe(programKey('int f();', `${TEST}\n`));
  });

  it('keeps the parts apart: a stdio program is not a code test with no code, and text does not move between parts', () => {
    expect(programKey('int main(){}', undefined)).not.toBe(programKey('int main(){}', ''));
    expect(programKey('a\0b', '')).not.toBe(programKey('a', 'b'));
  });
});

describe('headerPrefix', () => {
  it('takes the includes a solution starts with, with using namespace std, blank lines and line comments', () => {
    const prompt = '#include<stdio.h>\n#include<math.h>\n#include<vector>\nusing namespace std;\n#include<algorithm>\n#include<stdlib.h>\n/*\nCheck if...\n*/\nbool f(vector<float> v){\n';
    expect(headerPrefix(prompt)).toBe('#include<stdio.h>\n#include<math.h>\n#include<vector>\nusing namespace std;\n#include<algorithm>\n#include<stdlib.h>\n');
    expect(headerPrefix('// sorts\n#include <iostream>\n\n  #  include <bits/stdc++.h>\r\n// done\nint main(){}\n')).toBe('// sorts\n#include <iostream>\n\n  #  include <bits/stdc++.h>\r\n');
  });

  it('is always the solution\'s own first lines, and stops at anything else', () => {
    const source = '#include <vector>\n#define N 10\n#include <string>\n';
    expect(headerPrefix(source)).toBe('#include <vector>\n');
    expect(source.startsWith(headerPrefix(source)!)).toBe(true);
    // A line ending in a backslash goes on in the next: the include after it is part of a comment.
    expect(headerPrefix('#include <vector>\n// note \\\n#include <string>\n')).toBe('#include <vector>\n');
    expect(headerPrefix('#include "mine.h"\n')).toBeUndefined();
    expect(headerPrefix('using namespace std;\nint main(){}\n')).toBeUndefined();
    expect(headerPrefix('#include <vector> // the list\n')).toBeUndefined();
    expect(headerPrefix('#include MACRO\n')).toBeUndefined();
  });
});
