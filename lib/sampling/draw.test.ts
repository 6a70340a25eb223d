import { test } from "node:test";
import assert from "node:assert/strict";
import { drawKey, drawSample, newSeed, SEED_PATTERN } from "./draw";

const population = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `m${i + 1}` }));
const ids = (draw: { sample: { member: { id: string } }[] }) => draw.sample.map((d) => d.member.id);

test("known answer: the keys are SHA-256 of seed:id, and the sample is the lowest keys (computed with sha256sum)", () => {
  // for i in m1 … m6; do printf '%s' "k7:$i" | sha256sum; done | sort
  assert.equal(drawKey("k7", "m3"), "40d39342c26999dbe6ea9adfa514f4f4edd86baabc62bc06c0945d741450c07e");
  const draw = drawSample(population(6), 3, "k7");
  assert.deepEqual(ids(draw), ["m3", "m4", "m6"]);
  assert.deepEqual(
    draw.sample.map((d) => [d.rank, d.key.slice(0, 8)]),
    [
      [1, "40d39342"],
      [2, "508cff90"],
      [3, "5a2637b2"],
    ],
  );
  assert.equal(draw.populationSize, 6);
  assert.equal(draw.size, 3);
  assert.equal(draw.whole, false);
  assert.equal(draw.method, "sha256-rank-v1");
});

test("the same seed draws the same sample; another seed draws another", () => {
  const members = population(200);
  assert.deepEqual(ids(drawSample(members, 25, "seed-a")), ids(drawSample(members, 25, "seed-a")));
  assert.notDeepEqual(ids(drawSample(members, 25, "seed-a")), ids(drawSample(members, 25, "seed-b")));
});

test("the order of the population does not matter", () => {
  const members = population(50);
  const shuffled = [...members.slice(17), ...members.slice(0, 17)].reverse();
  assert.deepEqual(ids(drawSample(shuffled, 10, "order")), ids(drawSample(members, 10, "order")));
});

test("a larger sample extends a smaller one with the same seed (ranked, not re-drawn)", () => {
  const members = population(40);
  assert.deepEqual(ids(drawSample(members, 15, "grow")).slice(0, 5), ids(drawSample(members, 5, "grow")));
});

test("a size at or above the population's takes the whole population, and says so", () => {
  const members = population(4);
  for (const size of [4, 5, 1000]) {
    const draw = drawSample(members, size, "all");
    assert.equal(draw.whole, true);
    assert.equal(draw.size, 4);
    assert.equal(draw.requested, size);
    assert.deepEqual([...ids(draw)].sort(), ["m1", "m2", "m3", "m4"]);
  }
  assert.equal(drawSample(members, 3, "all").whole, false);
  const empty = drawSample([], 25, "none");
  assert.deepEqual([empty.size, empty.populationSize, empty.whole, empty.sample], [0, 0, true, []]);
});

test("bad sizes, seeds and duplicate ids are refused", () => {
  assert.throws(() => drawSample(population(3), 0, "x"), RangeError);
  assert.throws(() => drawSample(population(3), 1.5, "x"), RangeError);
  assert.throws(() => drawSample(population(3), 1, "a:b"), RangeError);
  assert.throws(() => drawSample(population(3), 1, ""), RangeError);
  assert.throws(() => drawSample([{ id: "a" }, { id: "a" }], 1, "x"), /twice/);
});

test("a new seed is 12 lowercase hex characters and fits the seed pattern", () => {
  const seed = newSeed();
  assert.match(seed, /^[0-9a-f]{12}$/);
  assert.match(seed, SEED_PATTERN);
  assert.equal(
    newSeed(() => Buffer.from([0, 1, 2, 253, 254, 255])),
    "000102fdfeff",
  );
  assert.notEqual(newSeed(), newSeed());
});
