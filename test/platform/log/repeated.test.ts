import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger } from '#platform/log/logger.ts';
import { createRepeatedProblems } from '#platform/log/repeated.ts';

describe('repeated problems', () => {
  const capture = () => {
    const lines: Array<{ level: string; msg: string; problem?: string; repeats?: number }> = [];
    const log = createLogger({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const levels = (problem: string) => lines.filter((l) => l.problem === problem).map((l) => l.level);
    return { lines, log, levels };
  };

  it('warns once per scope and kind, then debug, and again after it worked', () => {
    const { log, levels, lines } = capture();
    const problems = createRepeatedProblems();
    for (let i = 0; i < 3; i++) problems.report(log, 'g1', 'temp-role', {}, 'no role');
    problems.report(log, 'g2', 'temp-role', {}, 'no role');
    problems.report(log, 'g1', 'thread', {}, 'no thread');
    assert.deepEqual(levels('temp-role'), ['warn', 'debug', 'debug', 'warn']);
    assert.deepEqual(levels('thread'), ['warn']);
    assert.equal(lines.at(-2)?.level, 'warn');
    assert.deepEqual(problems.active('g1').sort(), ['temp-role', 'thread']);

    problems.resolved(log, 'g1', 'temp-role');
    problems.resolved(log, 'g1', 'temp-role'); // nothing open: no second line
    assert.deepEqual(problems.active('g1'), ['thread']);
    problems.report(log, 'g1', 'temp-role', {}, 'no role');
    assert.deepEqual(levels('temp-role'), ['warn', 'debug', 'debug', 'warn', 'info', 'warn']);
  });

  it('keeps a bounded number of open problems, forgetting the oldest', () => {
    const { log, levels } = capture();
    const problems = createRepeatedProblems({ maxKeys: 2 });
    problems.report(log, 'a', 'k', {}, 'x');
    problems.report(log, 'b', 'k', {}, 'x');
    problems.report(log, 'c', 'k', {}, 'x');
    assert.deepEqual(problems.active('a'), []);
    problems.report(log, 'a', 'k', {}, 'x');
    assert.deepEqual(levels('k'), ['warn', 'warn', 'warn', 'warn']);
  });
});
