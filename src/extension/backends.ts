/** Builds the backend adapters from the user's settings and secret. */
import { OpenAiPolicyBackend } from "../core/backend/openaiPolicy";
import { VllmRewardBackend } from "../core/backend/vllmReward";
import type { SolveDependencies } from "../core/solve/pipeline";
import type { AnswerGrouper } from "../core/solve/ranking";
import type { EndpointSettings } from "./config";
import { log } from "./log";

export function createBackends(
  endpoints: EndpointSettings,
  apiKey: string | null,
  groupAnswers: AnswerGrouper,
): SolveDependencies {
  return {
    policy: new OpenAiPolicyBackend({
      baseUrl: endpoints.policyBaseUrl,
      apiKey,
      onNotice: (message) => log().info(message),
    }),
    reward: endpoints.rewardBaseUrl
      ? new VllmRewardBackend({ baseUrl: endpoints.rewardBaseUrl, apiKey })
      : null,
    groupAnswers,
  };
}
