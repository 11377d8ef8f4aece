// The pages find their elements by id.
export const $ = id => document.getElementById(id);
