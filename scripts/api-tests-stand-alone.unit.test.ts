/**
 * Issue #16: any single API test passes alone (`npx vitest run --project api <file> -t '<name>'`).
 * The usual way to break that is shared state: a variable declared outside a test (at describe or
 * module scope) that one `it` assigns and a later `it` reads. This test reads every
 * apps/server/test/*.test.ts and fails on each assignment, inside an `it`/`test` body, to a variable
 * declared outside that body (`x = …`, `x += …`, `x++`, `[x] = …`, `x.y = …` / `x[k] = …` on a
 * shared object, and `x.push(…)`, `x.set(…)` and the like on a shared array, map or set). Set-up belongs in `beforeAll`/`beforeEach` or in a per-test factory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const API_TESTS = path.join(ROOT, 'apps/server/test');

/**
 * Assignments inside a test body that are allowed, as `file:name`, each with its reason. A shared
 * variable written inside a test is allowed only when no other test reads what it wrote.
 */
const ALLOWED: Record<string, string> = {
  'cli.test.ts:drops': 'databases to drop, collected by each test and read only by afterAll',
  'idempotency.test.ts:idempotencyTestHooks':
    'the server’s test hook, set by the one test that needs it and cleared by the hook itself',
  'portal-representative-notice.test.ts:gateway':
    'the stand-in gateway’s failure switch, set and reset (finally) within the one test',
};

/** Methods that change the array, map or set they are called on. */
const MUTATORS = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'set',
  'add',
  'delete',
  'clear',
]);

const TEST_CALLEES = new Set(['it', 'test']);

/** `it(...)`, `it.only(...)`, `test.skip(...)`, `it.each(rows)(...)`: the test's name. */
function testCallName(call: ts.CallExpression): boolean {
  let callee: ts.Expression = call.expression;
  if (ts.isCallExpression(callee)) callee = callee.expression; // it.each(rows)(name, fn)
  while (ts.isPropertyAccessExpression(callee)) callee = callee.expression;
  return ts.isIdentifier(callee) && TEST_CALLEES.has(callee.text);
}

function bindingNames(name: ts.BindingName, out: Set<string>) {
  if (ts.isIdentifier(name)) out.add(name.text);
  else
    for (const el of name.elements) {
      if (!ts.isOmittedExpression(el)) bindingNames(el.name, out);
    }
}

/** The names a scope node declares itself (not those of nested scopes). */
function declaredIn(scope: ts.Node): Set<string> {
  const names = new Set<string>();
  const statements = (s: ts.NodeArray<ts.Statement>) => {
    for (const st of s) {
      if (ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations) bindingNames(d.name, names);
      else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name)
        names.add(st.name.text);
      else if (ts.isImportDeclaration(st) && st.importClause) {
        const c = st.importClause;
        if (c.name) names.add(c.name.text);
        const nb = c.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) names.add(nb.name.text);
        if (nb && ts.isNamedImports(nb)) for (const e of nb.elements) names.add(e.name.text);
      }
    }
  };
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)) statements(scope.statements);
  else if (ts.isCaseBlock(scope)) for (const c of scope.clauses) statements(c.statements);
  else if (ts.isFunctionLike(scope)) {
    for (const p of scope.parameters) bindingNames(p.name, names);
    if ((ts.isFunctionExpression(scope) || ts.isFunctionDeclaration(scope)) && scope.name)
      names.add(scope.name.text);
  } else if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const init = scope.initializer;
    if (init && ts.isVariableDeclarationList(init))
      for (const d of init.declarations) bindingNames(d.name, names);
  } else if (ts.isCatchClause(scope) && scope.variableDeclaration) {
    bindingNames(scope.variableDeclaration.name, names);
  }
  return names;
}

/** The nearest enclosing node that declares `id`'s name (undefined: a global). */
function declaringScope(id: ts.Identifier): ts.Node | undefined {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (declaredIn(n).has(id.text)) return n;
  }
  return undefined;
}

/** The identifiers an assignment's left side writes (`x`, `[x, y]`, `{ a: x }`), or the object of `x.y`. */
function writtenIdentifiers(target: ts.Expression, out: ts.Identifier[]) {
  const e = ts.isParenthesizedExpression(target) ? target.expression : target;
  if (ts.isIdentifier(e)) out.push(e);
  else if (ts.isArrayLiteralExpression(e)) {
    for (const el of e.elements) writtenIdentifiers(ts.isSpreadElement(el) ? el.expression : el, out);
  } else if (ts.isObjectLiteralExpression(e)) {
    for (const p of e.properties) {
      if (ts.isShorthandPropertyAssignment(p)) out.push(p.name);
      else if (ts.isPropertyAssignment(p)) writtenIdentifiers(p.initializer, out);
      else if (ts.isSpreadAssignment(p)) writtenIdentifiers(p.expression, out);
    }
  } else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    writtenIdentifiers(e.left, out); // a default in a destructuring: [x = 1] = …
  } else if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    let obj: ts.Expression = e.expression;
    while (ts.isPropertyAccessExpression(obj) || ts.isElementAccessExpression(obj)) obj = obj.expression;
    if (ts.isIdentifier(obj)) out.push(obj);
  }
}

function isAssignment(op: ts.SyntaxKind) {
  return op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
}

interface SharedWrite {
  name: string;
  line: number;
  test: string;
}

/** Writes, inside test bodies, to variables declared outside them. */
function sharedWrites(fileName: string, text: string): SharedWrite[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: SharedWrite[] = [];
  const inBody = (body: ts.Node, testName: string) => {
    const visit = (n: ts.Node) => {
      const targets: ts.Identifier[] = [];
      if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind)) writtenIdentifiers(n.left, targets);
      else if (
        (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) &&
        (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)
      )
        writtenIdentifiers(n.operand, targets);
      else if (
        ts.isCallExpression(n) &&
        ts.isPropertyAccessExpression(n.expression) &&
        MUTATORS.has(n.expression.name.text)
      )
        writtenIdentifiers(n.expression, targets); // shared.push(…), byId.set(…)
      for (const id of targets) {
        const scope = declaringScope(id);
        // Declared in the test body or in a scope inside it: the test's own.
        if (scope && scope.pos >= body.pos && scope.end <= body.end) continue;
        if (!scope) continue; // a global (globalThis, process.env is a property write on a global)
        found.push({
          name: id.text,
          line: sf.getLineAndCharacterOfPosition(id.getStart()).line + 1,
          test: testName,
        });
      }
      ts.forEachChild(n, visit);
    };
    visit(body);
  };
  const walk = (n: ts.Node) => {
    if (ts.isCallExpression(n) && testCallName(n)) {
      // it(name, fn), it(name, fn, timeout) or it(name, options, fn)
      const [name, ...rest] = n.arguments;
      const title = name && ts.isStringLiteralLike(name) ? name.text : name ? name.getText(sf) : '?';
      const fn = rest.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
      if (fn) inBody(fn, title);
      return;
    }
    ts.forEachChild(n, walk);
  };
  walk(sf);
  return found;
}

describe('API tests share no state between tests', () => {
  it('finds writes to outside variables in test bodies, and only those', () => {
    const text = `
      import { env } from './harness';
      let shared: string;
      const state = { id: '' };
      let counter = 0;
      const seen: string[] = [];
      describe('d', () => {
        let caseId: string;
        beforeAll(() => { caseId = 'set up'; counter = 1; });
        it('writes', () => {
          caseId = 'a';
          state.id = 'b';
          counter++;
          [shared] = ['c'];
          let own = 1;
          own = 2;
          const o = { x: 1 };
          o.x = 2;
          for (let i = 0; i < 2; i++) own += i;
          const f = (caseId: string) => { caseId = 'shadowed'; };
          seen.push('x');
          const mine: string[] = [];
          mine.push('y');
          expect(seen).toContain('x');
        });
        it.each([1])('each %s', () => { counter += 1; });
        it('with options', { timeout: 1 }, () => { counter--; });
        it('reads', () => expect(caseId).toBe('a'));
      });`;
    expect(sharedWrites('x.test.ts', text).map((w) => `${w.test}:${w.name}:${w.line}`)).toEqual([
      'writes:caseId:11',
      'writes:state:12',
      'writes:counter:13',
      'writes:shared:14',
      'writes:seen:21',
      'each %s:counter:26',
      'with options:counter:27',
    ]);
  });

  it('every apps/server/test/*.test.ts: no test writes a variable declared outside it', () => {
    const files = readdirSync(API_TESTS).filter((f) => f.endsWith('.test.ts'));
    expect(files).toContain('portal.test.ts');
    const writes = files.flatMap((f) =>
      sharedWrites(f, readFileSync(path.join(API_TESTS, f), 'utf8'))
        .filter((w) => !ALLOWED[`${f}:${w.name}`])
        .map((w) => `${f}:${w.line} ${w.name} (in '${w.test}')`),
    );
    expect(writes).toEqual([]);
  });
});
