/**
 * Writes a tiny random-weight llama-architecture GGUF for the embedded engine's tests: a byte-level
 * BPE vocabulary (the 256 GPT-2 byte symbols plus ChatML's control tokens, no merges), a ChatML chat
 * template, F32 tensors. It loads in llama.cpp like a real model, so the real loading, sampling,
 * streaming and cancellation code runs; its text is noise, so tests assert on structure only.
 * Format: GGUF v3 (magic, key/value metadata, tensor infos, aligned tensor data), little-endian.
 */
import { writeFileSync } from "node:fs";
import { mulberry32 } from "../../../src/core/util/random";

export interface TinyModelShape {
  embedding: number;
  layers: number;
  heads: number;
  feedForward: number;
  contextLength: number;
}

export const TINY_SHAPE: TinyModelShape = {
  embedding: 64,
  layers: 2,
  heads: 4,
  feedForward: 128,
  contextLength: 512,
};

export const CHATML_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

const CONTROL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"];
const ALIGNMENT = 32;

enum ValueType {
  Uint32 = 4,
  Int32 = 5,
  Float32 = 6,
  Bool = 7,
  String = 8,
  Array = 9,
}
const GGML_F32 = 0;

type Value =
  | { type: ValueType.Uint32 | ValueType.Int32 | ValueType.Float32; value: number }
  | { type: ValueType.Bool; value: boolean }
  | { type: ValueType.String; value: string }
  | { type: ValueType.Array; of: ValueType.String; values: string[] }
  | { type: ValueType.Array; of: ValueType.Int32; values: number[] };

interface Tensor {
  name: string;
  dims: number[];
  data: Float32Array;
}

/** GPT-2's byte-level symbols: printable bytes stand for themselves, the rest are shifted past 255. */
export function byteSymbols(): string[] {
  const printable = (b: number) => (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || b >= 174;
  let shifted = 0;
  const symbols: string[] = [];
  for (let b = 0; b < 256; b++) symbols.push(String.fromCodePoint(printable(b) ? b : 256 + shifted++));
  return symbols;
}

class Writer {
  private readonly chunks: Buffer[] = [];
  length = 0;
  private push(b: Buffer) {
    this.chunks.push(b);
    this.length += b.length;
  }
  u32(n: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    this.push(b);
  }
  u8(n: number) {
    this.push(Buffer.from([n]));
  }
  i32(n: number) {
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    this.push(b);
  }
  u64(n: number) {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    this.push(b);
  }
  f32(n: number) {
    const b = Buffer.alloc(4);
    b.writeFloatLE(n);
    this.push(b);
  }
  str(s: string) {
    const bytes = Buffer.from(s, "utf8");
    this.u64(bytes.length);
    this.push(bytes);
  }
  raw(b: Buffer) {
    this.push(b);
  }
  pad(to: number) {
    const extra = (to - (this.length % to)) % to;
    if (extra) this.push(Buffer.alloc(extra));
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function writeValue(w: Writer, v: Value): void {
  w.u32(v.type);
  switch (v.type) {
    case ValueType.String:
      return w.str(v.value);
    case ValueType.Bool:
      return w.u8(v.value ? 1 : 0);
    case ValueType.Array:
      w.u32(v.of);
      w.u64(v.values.length);
      if (v.of === ValueType.String) for (const text of v.values) w.str(text);
      else for (const n of v.values) w.i32(n);
      return;
    default:
      if (v.type === ValueType.Uint32) return w.u32(v.value);
      if (v.type === ValueType.Int32) return w.i32(v.value);
      return w.f32(v.value);
  }
}

function metadata(shape: TinyModelShape, tokens: string[]): [string, Value][] {
  const u32 = (value: number): Value => ({ type: ValueType.Uint32, value });
  const tokenTypes = tokens.map((t) => (CONTROL_TOKENS.includes(t) ? 3 : 1));
  return [
    ["general.architecture", { type: ValueType.String, value: "llama" }],
    ["general.name", { type: ValueType.String, value: "acemath-test-tiny" }],
    ["general.alignment", u32(ALIGNMENT)],
    ["llama.context_length", u32(shape.contextLength)],
    ["llama.embedding_length", u32(shape.embedding)],
    ["llama.block_count", u32(shape.layers)],
    ["llama.feed_forward_length", u32(shape.feedForward)],
    ["llama.attention.head_count", u32(shape.heads)],
    ["llama.attention.head_count_kv", u32(shape.heads)],
    ["llama.rope.dimension_count", u32(shape.embedding / shape.heads)],
    ["llama.attention.layer_norm_rms_epsilon", { type: ValueType.Float32, value: 1e-5 }],
    ["llama.vocab_size", u32(tokens.length)],
    ["tokenizer.ggml.model", { type: ValueType.String, value: "gpt2" }],
    ["tokenizer.ggml.pre", { type: ValueType.String, value: "default" }],
    ["tokenizer.ggml.tokens", { type: ValueType.Array, of: ValueType.String, values: tokens }],
    ["tokenizer.ggml.token_type", { type: ValueType.Array, of: ValueType.Int32, values: tokenTypes }],
    ["tokenizer.ggml.merges", { type: ValueType.Array, of: ValueType.String, values: [] }],
    ["tokenizer.ggml.bos_token_id", u32(tokens.indexOf("<|endoftext|>"))],
    ["tokenizer.ggml.eos_token_id", u32(tokens.indexOf("<|im_end|>"))],
    ["tokenizer.ggml.padding_token_id", u32(tokens.indexOf("<|endoftext|>"))],
    ["tokenizer.ggml.add_bos_token", { type: ValueType.Bool, value: false }],
    ["tokenizer.chat_template", { type: ValueType.String, value: CHATML_TEMPLATE }],
  ];
}

function tensors(shape: TinyModelShape, vocab: number, seed: number): Tensor[] {
  const random = mulberry32(seed);
  const weights = (dims: number[], scale = 0.08): Tensor["data"] => {
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = (random() * 2 - 1) * scale;
    return data;
  };
  const ones = (n: number) => new Float32Array(n).fill(1);
  const e = shape.embedding;
  const f = shape.feedForward;
  const list: Tensor[] = [
    { name: "token_embd.weight", dims: [e, vocab], data: weights([e, vocab], 0.5) },
    { name: "output_norm.weight", dims: [e], data: ones(e) },
    { name: "output.weight", dims: [e, vocab], data: weights([e, vocab], 0.5) },
  ];
  for (let l = 0; l < shape.layers; l++) {
    const t = (suffix: string, dims: number[], data = weights(dims)) =>
      list.push({ name: `blk.${l}.${suffix}`, dims, data });
    t("attn_norm.weight", [e], ones(e));
    t("attn_q.weight", [e, e]);
    t("attn_k.weight", [e, e]);
    t("attn_v.weight", [e, e]);
    t("attn_output.weight", [e, e]);
    t("ffn_norm.weight", [e], ones(e));
    t("ffn_gate.weight", [e, f]);
    t("ffn_up.weight", [e, f]);
    t("ffn_down.weight", [f, e]);
  }
  return list;
}

/** The file's bytes; deterministic for a seed. */
export function tinyModelBytes(shape: TinyModelShape = TINY_SHAPE, seed = 1): Buffer {
  const tokens = [...byteSymbols(), ...CONTROL_TOKENS];
  const kv = metadata(shape, tokens);
  const list = tensors(shape, tokens.length, seed);
  const w = new Writer();
  w.raw(Buffer.from("GGUF", "ascii"));
  w.u32(3);
  w.u64(list.length);
  w.u64(kv.length);
  for (const [key, value] of kv) {
    w.str(key);
    writeValue(w, value);
  }
  let offset = 0;
  for (const tensor of list) {
    w.str(tensor.name);
    w.u32(tensor.dims.length);
    for (const d of tensor.dims) w.u64(d);
    w.u32(GGML_F32);
    w.u64(offset);
    offset += Math.ceil(tensor.data.byteLength / ALIGNMENT) * ALIGNMENT;
  }
  w.pad(ALIGNMENT);
  for (const tensor of list) {
    w.raw(Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
    w.pad(ALIGNMENT);
  }
  return w.bytes();
}

export function writeTinyModel(path: string, shape?: TinyModelShape, seed?: number): number {
  const bytes = tinyModelBytes(shape, seed);
  writeFileSync(path, bytes);
  return bytes.length;
}
