// The conferences pages' messages, Vietnamese (the source) and English (typed against it).
export const conferencesVi = {} as const;

export const conferencesEn: Record<keyof typeof conferencesVi, string> = {};
