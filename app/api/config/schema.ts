export { modelChangeSchema as patchConfigSchema } from "@/lib/openclaw-config/change";

export const CONFIG_BODY_LIMIT = 64 * 1024;
