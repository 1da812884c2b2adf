/** Every disguise of a figure the model might write itself, and prose that must stay allowed. */
import { describe, expect, it } from "vitest";
import { ownFigures } from "../../../src/assistant/figures/own-figures.js";

const REFUSED: readonly (readonly [string, string, string])[] = [
  ["ASCII digits", "The saving is 306000 a year.", "numeral"],
  ["a digit inside a word", "Ask for tier2 pricing.", "numeral"],
  ["fullwidth digits", "The saving is \uFF13\uFF10\uFF16 thousand.", "numeral"],
  ["Arabic-Indic digits", "The saving is \u0663\u0660\u0666 a year.", "numeral"],
  ["Devanagari digits", "Pay \u0967\u0968 per seat.", "numeral"],
  ["mathematical bold digits", "Pay \u{1D7CF}\u{1D7D0} per seat.", "numeral"],
  ["superscript digits", "The cap is x\u00B3.", "numeral"],
  ["a vulgar fraction", "About \u00BD of the users.", "numeral"],
  ["a circled digit", "Option \u2460 is cheaper.", "numeral"],
  ["a roman numeral character", "Year \u216B of the deal.", "numeral"],
  ["a roman numeral in letters", "Phase XII is the costly one.", "numeral"],
  ["a keycap emoji", "Pick 3\uFE0F\u20E3 seats.", "numeral"],
  ["markdown splitting digits", "It saves 1**2**3 a month.", "numeral"],
  ["an HTML comment splitting digits", "It saves 1<!-- -->2.", "markup"],
  ["an HTML entity for a fraction", "About &frac12; of the users.", "markup"],
  ["a numeric character reference", "Pay &#x33;&#x30; per seat.", "markup"],
  ["a zero-width space", "It saves a lot\u200B.", "hidden-characters"],
  ["a bidi override", "Pay \u202Eeno\u202C hundred.", "hidden-characters"],
  ["a soft hyphen", "Pay twen\u00ADty.", "hidden-characters"],
  ["a word joiner", "Pay \u2060less.", "hidden-characters"],
  ["a currency sign alone", "The saving is £ a lot.", "figure-symbol"],
  ["a per-cent sign alone", "The cap is % high.", "figure-symbol"],
  ["a number word", "Ask for twelve months free.", "number-word"],
  ["a hyphenated number word", "Ask for twenty-five seats.", "number-word"],
  ["a magnitude", "Hundreds of agents are idle.", "number-word"],
  ["dozen", "A dozen seats sit unused.", "number-word"],
  ["half", "Half the users log in rarely.", "number-word"],
  ["a third", "A third of the pool is idle.", "number-word"],
  ["a quarter", "A quarter of the seats.", "number-word"],
  ["twice", "It costs twice as much.", "number-word"],
  ["double", "The uplift would double the bill.", "number-word"],
  ["a couple of", "Drop a couple of seats.", "number-word"],
  ["percent spelled out", "A cap of three percent.", "number-word"],
  ["per cent spelled out", "A cap of some per cent.", "number-word"],
  ["an ordinal", "From the fifth year on.", "number-word"],
  ["second as an ordinal", "In the second year it rises.", "number-word"],
  ["one before a unit", "A one year term is safest.", "number-word"],
  ["-fold", "A threefold rise.", "number-word"],
];

const ALLOWED: readonly (readonly [string, string])[] = [
  ["plain advice", "Concurrent suits occasional users; size the pool from the session log."],
  ["the cheaper one", "The cheaper one is the mixed plan."],
  ["first", "First, ask for the cap in writing."],
  ["second-line support", "Second-line support staff are online all day."],
  ["third-party", "Third-party integrations are licensed separately."],
  ["acronyms that look roman", "Ask about CI and CD pipelines and the MD's sign-off."],
  ["accented letters", "The résumé of the café's deal."],
];

describe("ownFigures", () => {
  it.each(REFUSED)("refuses %s", (_name, text, problem) => {
    expect(ownFigures(text)).toContain(problem);
  });

  it.each(ALLOWED)("allows %s", (_name, text) => {
    expect(ownFigures(text)).toEqual([]);
  });
});

describe("ownFigures on layout", () => {
  it("allows line breaks and tabs but refuses other control characters", () => {
    expect(ownFigures("Ask for a cap.\nThen ask for it in writing.\t")).toEqual([]);
    expect(ownFigures("Ask for a cap.\u0007")).toEqual(["hidden-characters"]);
  });
});
