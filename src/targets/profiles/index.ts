// Instrument channel profiles: built-in ones, user JSON profiles, and the check of a protocol
// against the channel it will run on. See docs/profiles.md.

export { BUILT_IN_PROFILES, findBuiltInProfile } from "./catalogue.js";
export { checkProfile } from "./check.js";
export { isProfileFile, loadProfile, parseProfileJson, type ProfileLoad } from "./load.js";
