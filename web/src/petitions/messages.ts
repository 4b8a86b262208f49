// The petitions pages' messages, Vietnamese (the source) and English (typed against it).
export const petitionsVi = {} as const;

export const petitionsEn: Record<keyof typeof petitionsVi, string> = {};
