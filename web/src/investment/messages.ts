// The investment pages' messages, Vietnamese (the source) and English (typed against it).
export const investmentVi = {} as const;

export const investmentEn: Record<keyof typeof investmentVi, string> = {};
