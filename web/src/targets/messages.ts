// The targets pages' messages, Vietnamese (the source) and English (typed against it).
export const targetsVi = {} as const;

export const targetsEn: Record<keyof typeof targetsVi, string> = {};
