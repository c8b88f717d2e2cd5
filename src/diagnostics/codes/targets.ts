import type { DiagnosticCodeInfo } from "./types.js";

// BTP6xxx: instrument targets, plans and importers. Each engineer adds a block commented with
// the target's name, using the sub-range given; never renumber another block's codes.

// ---- Infrastructure (BTP6000–6099): capabilities, encodings, profiles, plans, import ----------
// 600x capability tables and outputs · 601x instrument profiles · 603x multi-instrument plans ·
// 604x import.
const infrastructureCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP6001",
    severity: "error",
    title: "Target cannot express this construct",
    explanation:
      "Each target declares in a capability table what its instrument can run natively, what btp emulates (and lists in the file header), and what it refuses. A refused construct would have to be dropped or guessed, so the compile stops instead, at the first place the construct is used (other places are listed). A cycler has no impedance hardware, a potentiostat macro has no long cycling, PyBaMM cannot end a loop on capacity fade.",
    bad: "btp compile protocols/a06-symmetric-eis-during-cycling.btp --target land",
    fix: "btp compile --plan protocols/a06-symmetric-eis-during-cycling.btp --cycler land --potentiostat chi",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6002",
    severity: "error",
    title: "Loops nested deeper than the instrument allows",
    explanation:
      "Some instruments count loops with a fixed number of counters (Arbin MITS Pro: 4 levels). A loop nested deeper cannot be expressed without unrolling it, which would change the schedule's size and meaning, so it is refused at the loop that goes one level too deep.",
    bad: "repeat 2 { repeat 2 { repeat 2 { repeat 2 { repeat 2 { rest for 1 s } } } } }",
    fix: "repeat 2 { repeat 2 { repeat 2 { repeat 2 { rest for 1 s\n  rest for 1 s } } } }",
  },
  {
    code: "BTP6003",
    severity: "error",
    title: "Character the instrument's file encoding cannot hold",
    explanation:
      "EC-Lab reads cp1252 and Arbin latin-1, not UTF-8. A label, note or title with a character outside that encoding (a Greek letter, an emoji, a Chinese character) would turn into garbage or a different character in the instrument software, so it is refused rather than replaced by a question mark.",
    bad: 'rest for 1 h, label "Ω check 🔋"',
    fix: 'rest for 1 h, label "ohm check"',
  },
  {
    code: "BTP6004",
    severity: "error",
    title: "Internal error in a target",
    explanation:
      "A target failed on this protocol (it threw an error or produced an unusable file name). No file was written. This is a bug in btp, not in the protocol; please report it with the protocol file.",
    bad: "btp compile p.btp --target neware   # target fails",
    fix: "report the protocol; meanwhile compile for another target",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6005",
    severity: "error",
    title: "Unknown target",
    explanation: "The name given to --target, --cycler, --potentiostat or --from is not a target btp knows. `btp compile --help` lists them.",
    bad: "btp compile p.btp --target biologik",
    fix: "btp compile p.btp --target biologic",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6010",
    severity: "error",
    title: "Current above the channel's range",
    explanation:
      "With --profile, every resolved current (a C-rate or current density turned into amperes through the cell) is compared with the largest current the chosen instrument channel can drive. A current above it would be clipped or refused by the instrument.",
    bad: "btp compile p.btp --target chi --profile chi-760e   # p.btp: charge at 10 A until 4.2 V",
    fix: "btp compile p.btp --target neware --profile neware-bts4000",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6011",
    severity: "warning",
    title: "Current below the channel's resolution",
    explanation:
      "The current (or a taper end current) is below the smallest current the chosen channel controls meaningfully. The instrument will run it, but the current is mostly noise; a channel with a lower range, or a check of the cell's nominal capacity or area, is usually the answer.",
    bad: "btp compile p.btp --target neware --profile neware-bts4000   # charge at 50 uA",
    fix: "btp compile p.btp --target land --profile land-ct3002a",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6012",
    severity: "error",
    title: "Voltage outside the channel's range",
    explanation:
      "A set-point, cut-off, sweep limit or bias lies outside the voltage range of the chosen instrument channel (for example a 6.5 V LSV on a 5 V cycler channel).",
    bad: "btp compile a02.btp --target land --profile land-ct3002a   # sweep to 6.5 V",
    fix: "btp compile a02.btp --target chi --profile chi-760e",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6013",
    severity: "error",
    title: "Frequency outside the impedance range",
    explanation: "An EIS frequency is outside the range the chosen potentiostat can generate and measure.",
    bad: "eis from 10 MHz to 0.1 Hz, amplitude 5 mV",
    fix: "eis from 1 MHz to 0.1 Hz, amplitude 5 mV",
  },
  {
    code: "BTP6014",
    severity: "error",
    title: "Impedance on a channel without impedance",
    explanation: "The protocol measures impedance but the chosen profile describes a channel with no impedance (frequency) range.",
    bad: "btp compile b03.btp --target biologic --profile my-cycler-channel.json",
    fix: "btp compile b03.btp --target biologic --profile biologic-vmp3e",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6015",
    severity: "error",
    title: "Unknown instrument profile",
    explanation: "--profile names neither a built-in profile nor a readable JSON file. The built-in ids are listed in docs/profiles.md.",
    bad: "btp compile p.btp --target chi --profile chi-760",
    fix: "btp compile p.btp --target chi --profile chi-760e",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6016",
    severity: "error",
    title: "Profile file is not valid JSON",
    explanation: "A user profile must be one JSON object. The diagnostic points at the place the JSON parser stopped.",
    bad: '{ "id": "my-channel", }',
    fix: '{ "id": "my-channel", "name": "…", "target": "land", "voltage": { "min": "0 V", "max": "5 V" }, "maxCurrent": "1 mA", "source": "…" }',
    exampleLanguage: "text",
  },
  {
    code: "BTP6017",
    severity: "error",
    title: "Invalid field in a profile file",
    explanation:
      "A field of a user profile is missing, unknown, of the wrong type, has the wrong unit, or makes no sense (a minimum above the maximum). Values are numbers in V, A and Hz, or text with a unit such as \"10 mA\".",
    bad: '{ "id": "x", "name": "x", "target": "land", "voltage": { "min": "0 V", "max": "5 V" }, "maxCurrent": "5 V", "source": "x" }',
    fix: '{ "id": "x", "name": "x", "target": "land", "voltage": { "min": "0 V", "max": "5 V" }, "maxCurrent": "10 mA", "source": "x" }',
    exampleLanguage: "text",
  },
  {
    code: "BTP6018",
    severity: "error",
    title: "Profile is for another target",
    explanation: "The chosen instrument profile describes a channel of another instrument than the target being compiled for.",
    bad: "btp compile p.btp --target neware --profile chi-760e",
    fix: "btp compile p.btp --target chi --profile chi-760e",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6030",
    severity: "error",
    title: "Loop with a condition spans two instruments",
    explanation:
      "A plan splits a loop whose passes need both instruments into segments the operator runs one after the other. A loop that ends on a condition (repeat … until) cannot be split: the condition is measured on one instrument but decides what the other does next.",
    bad: "repeat 100 until discharge capacity < 80 % of cycle 1 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n  eis from 1 MHz to 0.1 Hz, amplitude 5 mV\n}",
    fix: "repeat 100 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n  after cycle 50, 100 { eis from 1 MHz to 0.1 Hz, amplitude 5 mV }\n}",
  },
  {
    code: "BTP6031",
    severity: "error",
    title: "Stop guard inside a loop that spans two instruments",
    explanation:
      "A `stop if` guard ends the test when a condition holds at the end of a pass. In a loop split across instruments no single instrument sees the whole pass, so the guard cannot be kept.",
    bad: "repeat 10 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n  eis from 1 MHz to 0.1 Hz, amplitude 5 mV\n  stop if discharge capacity < 0.1 mAh\n}",
    fix: "repeat 10 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n  eis from 1 MHz to 0.1 Hz, amplitude 5 mV\n}",
  },
  {
    code: "BTP6032",
    severity: "error",
    title: "Neither instrument of the plan can run this step",
    explanation: "In a plan, each step goes to the cycler or the potentiostat that can run it. This step is refused by both capability tables.",
    bad: "btp compile --plan p.btp --cycler land --potentiostat chi   # p.btp: charge at 10 W until 4.2 V",
    fix: "btp compile --plan p.btp --cycler neware --potentiostat chi",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6033",
    severity: "error",
    title: "Plan needs too many instrument changes",
    explanation:
      "Splitting this loop would make the operator move the cell between instruments more than 200 times (for example impedance every 5 cycles in a 10,000-cycle test). Such a test needs one instrument that can do both, or fewer impedance points.",
    bad: "repeat 10000 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n  every 5 cycles { eis from 1 MHz to 0.1 Hz, amplitude 5 mV }\n}",
    fix: "repeat 10000 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n  every 1000 cycles { eis from 1 MHz to 0.1 Hz, amplitude 5 mV }\n}",
  },
  {
    code: "BTP6034",
    severity: "error",
    title: "Wrong kind of instrument for a plan role",
    explanation: "--cycler must name a cycler target (land, neware, arbin, maccor, biologic) and --potentiostat a potentiostat target (chi, biologic).",
    bad: "btp compile --plan a06.btp --cycler chi --potentiostat land",
    fix: "btp compile --plan a06.btp --cycler land --potentiostat chi",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6040",
    severity: "error",
    title: "File format not recognised for import",
    explanation:
      "`btp import` picks the importer by the file's extension and content (BioLogic .mps, Neware .xml, Arbin .sdu, Maccor .000, PyBaMM experiment strings). No importer recognised this file; --from <target> chooses one explicitly.",
    bad: "btp import schedule.bin",
    fix: "btp import schedule.mps",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6041",
    severity: "error",
    title: "Target has no importer",
    explanation: "The target chosen with --from can write files but cannot read them back.",
    bad: "btp import run.txt --from land",
    fix: "btp import run.xml --from neware",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6042",
    severity: "warning",
    title: "Imported schedule part written as a comment",
    explanation:
      "The importer produced something btp source cannot state (for example a step at given cycles outside any loop). It is kept as a comment in the .btp output so that nothing is silently lost; rewrite it by hand.",
    bad: "btp import odd.xml   # a cycle action with no enclosing loop",
    fix: "edit the commented part of odd.btp into a loop",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6043",
    severity: "warning",
    title: "Imported protocol does not check clean",
    explanation:
      "The .btp text written by `btp import` was checked again and the checker found problems (typically a cut-off outside the declared window or a step with no end in the vendor file). The file is written so that you can fix it; the messages say where.",
    bad: "btp import schedule.mps -o schedule.btp",
    fix: "btp check schedule.btp   # then fix what it reports",
    exampleLanguage: "shell",
  },
];

// ---- Neware (BTP6300–6399): BTS 8 step files -------------------------------------------------
// 630x compiling · 631x importing.
const newareCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP6301",
    severity: "error",
    title: "Too many Neware steps",
    explanation:
      "A BTS process holds at most 254 editable steps plus the End step. btp writes loops as Cycle steps, so this happens only when a protocol writes many steps out one by one (or a sweep expands to many).",
    bad: "rest for 1 s\nrest for 2 s\n# … 260 steps written out",
    fix: "repeat 260 {\n  rest for 1 s\n}",
  },
  {
    code: "BTP6302",
    severity: "error",
    title: "Neware cannot end this step this way",
    explanation:
      "BTS steps end on fixed fields: a rest on Time, a CC step on one cut-off voltage in its own direction (Stop_Volt), Time and Cap, a CV step on a taper current (Stop_Curr), Time and Cap. Other ends (a rest until a voltage, a charge until the voltage falls) would need BTS expressions, which btp does not write.",
    bad: "rest until 3.0 V",
    fix: "rest for 1 h",
  },
  {
    code: "BTP6303",
    severity: "error",
    title: "Chamber temperature changes during a Neware schedule",
    explanation:
      "BTS step files do not drive a temperature chamber. A set-point at the very start becomes an operator instruction; one later in the protocol would need someone to change the chamber at the right moment, which `btp compile --plan` organises.",
    bad: "charge at 1 mA until 3.9 V\ntemperature 40 °C, settle 1 h",
    fix: "temperature 40 °C, settle 1 h\ncharge at 1 mA until 3.9 V",
  },
  {
    code: "BTP6304",
    severity: "error",
    title: "Chamber settle time needed",
    explanation: "The settle time of the start-of-test temperature becomes a rest step; the instrument cannot tell when the chamber is stable, so give a time.",
    bad: "temperature 25 °C, settle until stable",
    fix: "temperature 25 °C, settle 2 h",
  },
  {
    code: "BTP6305",
    severity: "error",
    title: "Limit Neware cannot hold",
    explanation: "BTS step files hold voltage, current and capacity protection. Temperature (auxiliary channels) and power protection exist in BTS but their XML is not verified, so btp refuses rather than guess.",
    bad: "limits { temperature 0 °C .. 60 °C }\nrest for 1 h",
    fix: "limits { voltage 2 V .. 4.2 V }\nrest for 1 h",
  },
  {
    code: "BTP6306",
    severity: "error",
    title: "Neware CV step without a current",
    explanation:
      "A BTS CV step needs the most current it may draw (Curr). btp uses the step's current limit, or the current of the constant-current step before it; this hold has neither.",
    bad: "hold at 3.9 V until 0.05 mA",
    fix: "limits { current 2 mA }\nhold at 3.9 V until 0.05 mA",
  },
  {
    code: "BTP6307",
    severity: "error",
    title: "C-rate with no current in amperes",
    explanation:
      "BTS runs currents in mA. A C-rate read from a schedule that keeps the cell's capacity outside the file (an Arbin C-Rate step) has no current in amperes, so it cannot be written for Neware until the protocol names a cell with a capacity.",
    bad: "charge at 0.1C until 3.9 V   (imported from an Arbin C-Rate step: no cell, so 0 A)",
    fix: "use cell \"cells/na-cge-nvp.btp\"   (then 0.1C has a current and compiles)",
    exampleLanguage: "text",
  },
  {
    code: "BTP6310",
    severity: "error",
    title: "Not a readable Neware step file",
    explanation:
      "The file is empty, is not well-formed XML (often a truncated copy), or has no <root><config type=\"Step File\"> with a Step_Info. The message gives the line and column where reading stopped.",
    bad: '<root><config type="Step File"><Step_Info Num="2"><Step1 Step_ID="1"',
    fix: 'save the step file again from BTS: <root><config type="Step File">…</config></root>',
    exampleLanguage: "text",
  },
  {
    code: "BTP6311",
    severity: "error",
    title: "XML with a DOCTYPE or entities",
    explanation:
      "BTS never writes a DOCTYPE. Entity declarations are how XML bombs expand a small file into gigabytes, so btp refuses such files before parsing instead of expanding anything.",
    bad: '<!DOCTYPE root [<!ENTITY a "aaaa">]><root>&a;</root>',
    fix: "<root>…</root>   (the file as BTS saved it)",
    exampleLanguage: "text",
  },
  {
    code: "BTP6312",
    severity: "error",
    title: "Step file too large",
    explanation:
      "Real step files are a few hundred KB with at most 255 steps. Files over 8 MB, with more than 100,000 elements, elements nested more than 64 deep or more than 10,000 steps are refused before they are built, so a hostile file cannot exhaust memory.",
    bad: "a 40 MB file with a million <StepN> elements",
    fix: "the BTS step file itself (.xml), not a data export",
    exampleLanguage: "text",
  },
  {
    code: "BTP6313",
    severity: "error",
    title: "Step file text not readable",
    explanation:
      "Step files are XML text in UTF-8 or GB2312/GBK (read as GB18030). This file is neither, which usually means it is a binary data file (.nda, .ndax) rather than a step file.",
    bad: "btp import run.ndax",
    fix: "btp import run-steps.xml",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6314",
    severity: "error",
    title: "Neware step type btp cannot import",
    explanation:
      "btp imports rest (4), CC charge/discharge (1, 2), CV charge/discharge (3, 19), CC-CV charge/discharge (7, 20), Cycle (5) and End (6) steps. Constant power, constant resistance, pulse, drive profile and pause steps have no verified reading, so the import stops rather than guess.",
    bad: '<Step1 Step_ID="1" Step_Type="9">…</Step1>',
    fix: "replace the step in BTS with a supported one, or write that part of the protocol by hand",
    exampleLanguage: "text",
  },
  {
    code: "BTP6315",
    severity: "warning",
    title: "Neware field not imported",
    explanation:
      "The step file has an element or setting btp does not model (advanced conditions and expressions, advanced protection, a start step other than 1, an unknown field). It is named, not guessed; the rest of the step is imported. Check the protocol where it mattered.",
    bad: '<Other CndCount="1"><Cnd1 type="22" Expression="Ah - User1"/></Other>',
    fix: "(nothing to fix in the file; add the behaviour to the .btp by hand if it is needed)",
    exampleLanguage: "text",
  },
  {
    code: "BTP6316",
    severity: "warning",
    title: "Neware Scale other than 1",
    explanation:
      "Scale multiplies currents and capacities in the file (Scale 1: mA and mA·s; BTS 7 files use 1000, i.e. µA). btp divides by it, as BTS files do. Some generators (bmgen) write mA whatever the Scale, which makes their currents read Scale times too small, so check the imported currents.",
    bad: '<Scale Value="100"/> … <Curr Value="2000"/>   (read as 20 mA)',
    fix: '<Scale Value="1"/> … <Curr Value="2000"/>   (2 A)',
    exampleLanguage: "text",
  },
  {
    code: "BTP6317",
    severity: "error",
    title: "Neware Cycle step that is not a loop",
    explanation:
      "A Cycle step repeats the steps from its Start_Step up to itself. btp rebuilds it as a loop only when Start_Step lies before it and loops nest without crossing; otherwise the flow cannot be written as `repeat` and the import stops.",
    bad: "Step3 Cycle to step 2; Step4 Cycle to step 1; Step6 Cycle to step 2   (crossing)",
    fix: "restructure the schedule in BTS so that each loop lies inside or after another",
    exampleLanguage: "text",
  },
  {
    code: "BTP6318",
    severity: "error",
    title: "Neware value not a number",
    explanation: "A field that holds a number (Value=\"…\") holds something else, or a Cycle_Count below 1. The message names the field and its step.",
    bad: '<Time Value="1,5"/>',
    fix: '<Time Value="1500"/>',
    exampleLanguage: "text",
  },
  {
    code: "BTP6319",
    severity: "warning",
    title: "Neware setting imported approximately",
    explanation:
      "Something in the file has no exact place in a protocol: an asymmetric current protection (btp limits the magnitude), a protection delay, steps after the End step, a step count that does not match Step_Info, a missing End step. The message says what was done.",
    bad: '<Curr><Upper Value="10"/><Lower Value="-5"/></Curr>',
    fix: '<Curr><Upper Value="10"/><Lower Value="-10"/></Curr>',
    exampleLanguage: "text",
  },
];

// ---- Arbin (BTP6400–6499): MITS Pro 7 schedules -----------------------------------------------
// 640x compiling · 641x importing.
const arbinCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP6401",
    severity: "error",
    title: "Loop or stop condition Arbin cannot check",
    explanation:
      "btp writes `repeat … until` and `stop if` as limits on the cycle's totals (PV_CHAN_Charge_Capacity, PV_CHAN_Discharge_Capacity, PV_CHAN_Voltage). A fraction of an earlier cycle or a coulombic efficiency would need MITS formulas, which btp does not write.",
    bad: "repeat 500 until discharge capacity < 80 % of cycle 1 {\n  charge at 1 mA until 3.9 V\n  discharge at 1 mA until 2.3 V\n}",
    fix: "repeat 500 until discharge capacity < 0.2 mAh {\n  charge at 1 mA until 3.9 V\n  discharge at 1 mA until 2.3 V\n}",
  },
  {
    code: "BTP6402",
    severity: "error",
    title: "Arbin cannot end this step this way",
    explanation: "A rest has no current or capacity to compare, so it cannot end on them.",
    bad: "rest until 0.1 mAh",
    fix: "rest for 1 h",
  },
  {
    code: "BTP6403",
    severity: "error",
    title: "Chamber temperature changes during an Arbin schedule",
    explanation:
      "MITS 7 schedules do not drive a temperature chamber. A set-point at the very start becomes an operator instruction in the schedule comments; one later in the protocol needs `btp compile --plan`.",
    bad: "charge at 1 mA until 3.9 V\ntemperature 40 °C, settle 1 h",
    fix: "temperature 40 °C, settle 1 h\ncharge at 1 mA until 3.9 V",
  },
  {
    code: "BTP6404",
    severity: "error",
    title: "Chamber settle time needed",
    explanation: "The settle time of the start-of-test temperature becomes a Rest step; the instrument cannot tell when the chamber is stable, so give a time.",
    bad: "temperature 25 °C, settle until stable",
    fix: "temperature 25 °C, settle 2 h",
  },
  {
    code: "BTP6405",
    severity: "error",
    title: "Limit a MITS 7 schedule cannot hold",
    explanation:
      "MITS 7 has schedule-wide safety for voltage, current, power and auxiliary temperature, and per-step limits for voltage and current. A capacity limit, or a temperature or power limit on a single step, has no place in the schedule.",
    bad: "limits { capacity 1 mAh }\ncharge at 1 mA until 3.9 V",
    fix: "charge at 1 mA until 3.9 V or 1 mAh",
  },
  {
    code: "BTP6406",
    severity: "error",
    title: "C-rate with no current in amperes",
    explanation:
      "A C-rate read from a MITS C-Rate step has no current in amperes (the capacity lives in the MITS test setup). A plain constant current can stay a C-Rate step, but a CC-CV step or a taper current needs amperes: give the protocol a cell with its capacity.",
    bad: "charge at 0.1C until 4.2 V then hold until C/20   (imported: no cell, so 0 A)",
    fix: "use cell \"cells/na-cge-nvp.btp\"\ncharge at 0.1C until 4.2 V then hold until C/20",
    exampleLanguage: "text",
  },
  {
    code: "BTP6410",
    severity: "error",
    title: "Not a readable MITS schedule",
    explanation:
      "The file is empty, binary, has no [Version Section] with a schedule version or no [Schedule], or declares more steps (m_uStepNum) or limits (m_uLimitNum) than it holds, which is how a truncated copy shows.",
    bad: "[Schedule]\nm_uStepNum=15\n[Schedule_Step0]\n…   (the file ends after step 6)",
    fix: "save the schedule again from MITS Pro",
    exampleLanguage: "text",
  },
  {
    code: "BTP6411",
    severity: "error",
    title: "Schedule too large",
    explanation: "Real schedules are a few hundred KB with at most a few hundred steps. Files over 16 MB or with more than 10,000 steps are refused before they are built.",
    bad: "a schedule with 20,000 [Schedule_StepN] sections",
    fix: "the .sdu schedule itself, not a result file",
    exampleLanguage: "text",
  },
  {
    code: "BTP6412",
    severity: "warning",
    title: "Schedule not in Latin-1",
    explanation:
      "MITS writes Latin-1 (its m_szOriginalInfo even holds raw 0xFF 0xFE bytes). A file that is valid UTF-8 with non-ASCII text, or UTF-16 with a byte order mark, was re-saved by another editor; btp reads it in that encoding and says so.",
    bad: "a schedule re-saved as UTF-8 by a text editor",
    fix: "export the schedule again from MITS Pro",
    exampleLanguage: "text",
  },
  {
    code: "BTP6413",
    severity: "error",
    title: "Arbin step or limit btp cannot import",
    explanation:
      "btp imports Rest, Current(A), C-Rate, Voltage(V), CCCV, Internal Resistance (as a rest) and Set Variable(s) steps, ending on step time, voltage, current, CV-stage current and time, and capacity. Current ramps, simulations, CAN messages, auxiliary variables and limits that combine conditions other than a delay have no reading in btp.",
    bad: "m_szStepCtrlType=Current Ramp(A)",
    fix: "replace the step in MITS, or write that part of the protocol by hand",
    exampleLanguage: "text",
  },
  {
    code: "BTP6414",
    severity: "warning",
    title: "Arbin key or section not imported",
    explanation:
      "The schedule has a key, section or setting btp does not model (formulas, add-ins and test settings, user-defined safeties, logging limits on other variables, an unknown key). It is named, not guessed; the rest is imported.",
    bad: "[Schedule_Formula0]\nm_szLabel=F_Vmax",
    fix: "(nothing to fix in the file; add the behaviour to the .btp by hand if it is needed)",
    exampleLanguage: "text",
  },
  {
    code: "BTP6415",
    severity: "warning",
    title: "Arbin jump that is not structured",
    explanation:
      "A limit jumps to a label that neither closes a loop nor leaves one at the end of a pass (for example every step jumping to a shared step on a safety voltage, or a break out of the middle of a loop). A protocol has no goto, so each such limit is imported as an end of its step: the rebuilt protocol goes on with the next step where the schedule would have jumped. The message names the label; related places list the other limits.",
    bad: "m_szGotoStep=70-These are the 2 reset cycles   (on PV_CHAN_Voltage >= 4.19)",
    fix: "check the rebuilt protocol at those steps; add a safety limit or restructure by hand",
    exampleLanguage: "text",
  },
  {
    code: "BTP6416",
    severity: "error",
    title: "Arbin loop cannot be rebuilt",
    explanation:
      "A Set Variable(s) step that jumps back while a counter is below N is a loop, but btp could not tell how many passes it runs or how it nests: loops that cross, a counter not reset before its loop or changed inside it, a cycle-index loop inside another loop, a step closing two loops. Nothing is guessed, so the import stops.",
    bad: "TC_Counter1 advanced before the loop without a reset, then `TC_Counter1 < 3 → goto body`",
    fix: "reset the counter (Set Variable(s), reset TC_Counter1) just before the loop",
    exampleLanguage: "text",
  },
  {
    code: "BTP6417",
    severity: "warning",
    title: "C-Rate step without a capacity",
    explanation:
      "MITS C-Rate steps take the cell's capacity from the test setup, which is not in the schedule. The current is kept as a C-rate (and 0 A until the protocol names a cell with a capacity); compiling back to Arbin writes a C-Rate step again.",
    bad: "m_szStepCtrlType=C-Rate\nm_szCtrlValue=0.1",
    fix: "use cell \"cells/my-cell.btp\"   (in the imported .btp, so that 0.1C has a current)",
    exampleLanguage: "text",
  },
  {
    code: "BTP6418",
    severity: "error",
    title: "Arbin value not a number",
    explanation:
      "A control value, limit value or Set Variable(s) mask is not a plain number: usually a formula name (F_Vmax) or a MITS variable, which btp does not import, or a compare sign it cannot read.",
    bad: "m_szExtCtrlValue1=F_Vmax",
    fix: "m_szExtCtrlValue1=4.2",
    exampleLanguage: "text",
  },
  {
    code: "BTP6419",
    severity: "warning",
    title: "Arbin setting imported approximately",
    explanation:
      "Something in the schedule has no exact place in a protocol and was imported as the nearest thing, as the message says: an asymmetric safety scope (btp limits the magnitude), an Internal Resistance step (a rest of the same length), a delay condition on a limit (dropped), a capacity limit counted since the last reset (read as the step's own capacity).",
    bad: "m_CurrentSafetyScope=-5.000000^10.000000",
    fix: "m_CurrentSafetyScope=-10.000000^10.000000",
    exampleLanguage: "text",
  },
];

// ---- Maccor (BTP6500–6599): .000 procedures ---------------------------------------------------
// 650x compiling · 651x–652x importing.
const maccorCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP6501",
    severity: "error",
    title: "Procedure longer than 999 Maccor steps",
    explanation:
      "Maccor procedures jump between steps by 3-digit step numbers, so a procedure holds at most 999 steps (Do, Loop, AdvCycle, Pause and End steps count). A protocol that needs more is refused rather than cut short; loops keep long tests small.",
    bad: "rest for 1 s\nrest for 2 s\n# … 1,000 steps written out one by one",
    fix: "repeat 1000 {\n  rest for 1 s\n}",
  },
  {
    code: "BTP6502",
    severity: "error",
    title: "Time finer than Maccor's 10 ms",
    explanation:
      "Maccor step times and report intervals are written as hh:mm:ss with hundredths of a second; the shortest public value is \"::.01\" (10 ms). A time that is not a whole number of 10 ms ticks would be rounded, so it is refused.",
    bad: "rest for 5 ms",
    fix: "rest for 10 ms",
  },
  {
    code: "BTP6503",
    severity: "error",
    title: "Safety limit Maccor cannot express",
    explanation:
      "A Maccor procedure has no global safety block: btp writes limits as ends in every step that jump to the End step. Voltage, current and capacity ends are in real procedures; a temperature end (Themocpl) has a value format that is not verified, and a power end is not seen at all, so such limits are refused.",
    bad: "limits { temperature 0 °C .. 60 °C }\nrest for 1 h",
    fix: "limits { voltage 2 V .. 4.2 V }\nrest for 1 h",
  },
  {
    code: "BTP6504",
    severity: "error",
    title: "Impedance at a set DC bias on a Maccor",
    explanation:
      "Impedance on a Maccor runs from an FRA step whose settings live in a .FRA file. The only public .FRA files measure at open circuit (Potential=0, PotentialVs=-1); how a set DC bias is written is not known, so it is refused rather than guessed.",
    bad: "eis from 10 kHz to 1 Hz, amplitude 5 mV, bias 3.5 V",
    fix: "eis from 10 kHz to 1 Hz, amplitude 5 mV",
  },
  {
    code: "BTP6510",
    severity: "error",
    title: "Not a Maccor procedure",
    explanation:
      "The file is empty, is not well-formed XML (often: truncated), uses an undefined entity, or its root element is not <MaccorTestProcedure>. Nothing is imported.",
    bad: "btp import half-copied.000",
    fix: "btp import complete-procedure.000",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6511",
    severity: "error",
    title: "Maccor file declares a DOCTYPE or entities",
    explanation:
      "Maccor procedures never carry a DOCTYPE. One is how entity-expansion attacks (a few hundred bytes that expand to gigabytes) begin, so the file is not read at all.",
    bad: '<!DOCTYPE x [<!ENTITY a "aaaa">]><MaccorTestProcedure>&a;</MaccorTestProcedure>',
    fix: "<MaccorTestProcedure>…</MaccorTestProcedure>",
    exampleLanguage: "text",
  },
  {
    code: "BTP6512",
    severity: "error",
    title: "Maccor file too large",
    explanation:
      "The file is larger than 16 MB, has more than 200,000 elements, nests elements more than 32 deep, or has more than 999 steps. A real procedure of 999 steps is about 1 MB, so the file is refused before any work that grows with it.",
    bad: "btp import channel-data.041",
    fix: "btp import procedure.000",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6513",
    severity: "error",
    title: "Maccor file is not UTF-8 text",
    explanation:
      "Procedures are UTF-8 XML (in practice ASCII). Maccor data files share the numeric extensions (.001, .041…) but are binary; this is probably one of them.",
    bad: "btp import test.001",
    fix: "btp import test.000",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6514",
    severity: "warning",
    title: "Empty Maccor procedure",
    explanation: "The procedure has no steps (or only an End step). It is imported as an empty protocol so that the result is explicit, not an error.",
    bad: "<MaccorTestProcedure>\n</MaccorTestProcedure>",
    fix: "<MaccorTestProcedure><ProcSteps><TestStep>…</TestStep></ProcSteps></MaccorTestProcedure>",
    exampleLanguage: "text",
  },
  {
    code: "BTP6515",
    severity: "warning",
    title: "Maccor step btp cannot express",
    explanation:
      "FastWave drive cycles (their waveform is in a .MWF file), FRA impedance steps (their settings are in a .FRA file the importer does not read), function-controlled currents (Chg Func, Dis Func) and unknown step types have no btp equivalent. Each is imported as an operator pause that names the step, so the protocol keeps its place and nothing disappears silently.",
    bad: "<StepType>FastWave</StepType><StepValue>LA4_8rep</StepValue>",
    fix: "replace the imported pause with btp steps, or run the drive cycle by hand",
    exampleLanguage: "text",
  },
  {
    code: "BTP6516",
    severity: "warning",
    title: "Maccor jump with no structured equivalent",
    explanation:
      "A step end jumps somewhere other than the next step (out of a loop, over a step, to the End step) and is not a safety end. btp protocols have no jumps, so the end is imported as an ordinary end of the step and the next step follows. Check the imported protocol: such a jump usually needs a separate block or a different loop count.",
    bad: "<EndType>Voltage </EndType><Oper>&lt;= </Oper><Step>017</Step><Value>2.7</Value>   (step 12, inside a loop ending at 16)",
    fix: "<EndType>Voltage </EndType><Oper>&lt;= </Oper><Step>013</Step><Value>2.7</Value>",
    exampleLanguage: "text",
  },
  {
    code: "BTP6517",
    severity: "error",
    title: "Maccor Do/Loop steps do not nest",
    explanation:
      "Each Loop n step must close the innermost open Do n step, and every Do needs its Loop. Otherwise the loops cannot be rebuilt and nothing is imported. (More than 16 nested levels is refused too: no real procedure comes close.)",
    bad: "Do 1, Rest, Loop 2, End",
    fix: "Do 1, Rest, Loop 1, End",
    exampleLanguage: "text",
  },
  {
    code: "BTP6518",
    severity: "error",
    title: "Maccor value that is not a number",
    explanation:
      "A current, voltage, time, loop count, goto step or operator could not be read (\"lots\" instead of a number, a time that is not hh:mm:ss, a loop count that is not a whole number). The file is damaged or hand-edited; nothing is imported.",
    bad: "<StepMode>Current </StepMode><StepValue>lots</StepValue>",
    fix: "<StepMode>Current </StepMode><StepValue>0.5</StepValue>",
    exampleLanguage: "text",
  },
  {
    code: "BTP6519",
    severity: "warning",
    title: "Maccor field not imported",
    explanation:
      "The file has an element, limit, end type (a thermocouple end, say), report type or note on a control step that btp has no place for. It is reported and left out, never guessed at.",
    bad: "<EndType>Themocpl</EndType><Value>1/50.0</Value>",
    fix: "add the condition to the protocol by hand if it matters",
    exampleLanguage: "text",
  },
  {
    code: "BTP6520",
    severity: "warning",
    title: "Maccor value relative to a capacity the file does not hold",
    explanation:
      "Maccor values with a C suffix (\"2.0C\") are multiples of a capacity entered when the test starts, not stored in the procedure. Currents and capacity ends keep their C-rate (with 0 A in the IR until the protocol has a cell); C-relative safety limits and report intervals cannot be kept and are left out. Add `use cell …` with the right capacity before compiling for another instrument.",
    bad: "btp import EXP.000   # currents as 2.0C",
    fix: "add `use cell \"cells/my-cell.btp\"` to the imported protocol",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6521",
    severity: "info",
    title: "Maccor cycle-counter steps not imported",
    explanation:
      "AdvCycle steps advance the cycle number in Maccor's data file. btp counts cycles by loop passes (and writes an AdvCycle at the end of each innermost loop pass when it compiles for Maccor), so they are not imported as steps.",
    bad: "<StepType>AdvCycle</StepType>",
    fix: "nothing to do",
    exampleLanguage: "text",
  },
  {
    code: "BTP6522",
    severity: "warning",
    title: "Maccor CC-CV step imported approximately",
    explanation:
      "A Maccor CC-CV step (current with a voltage clamp, or voltage with a current clamp) checks all its ends from the start of the step. btp's CC-CV step checks the ends after `then hold` from the start of the hold, so a time or capacity end on such a step is imported as an end of the hold. Check the imported step.",
    bad: "<Limits><Voltage>4.2</Voltage></Limits> … <EndType>StepTime</EndType><Value>02:00:00</Value>",
    fix: "charge at 1 A for 2 h or until 4.2 V then hold until 50 mA",
    exampleLanguage: "text",
  },
  {
    code: "BTP6523",
    severity: "warning",
    title: "Maccor steps after the End step",
    explanation: "Steps after the first End step run only if a jump leads there. They are not imported; move them before the End step in the Maccor editor if they should run.",
    bad: "Rest, End, Rest",
    fix: "Rest, Rest, End",
    exampleLanguage: "text",
  },
];

// ---- LAND (BTP6600–6649): keying sheets for the LANDt step editor -----------------------------
const landCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP6601",
    severity: "error",
    title: "CC-CV step with a guard on its CC part, on a LAND sheet",
    explanation:
      "A LAND sheet writes a CC-CV step as a CC row and a CV row; every cut-off of the CC row leads to the CV row. A guard on the CC part (a time or capacity that should end the whole step) would then start the hold instead of skipping it, so it is refused.",
    bad: "charge at 1 mA for 5 h or until 3.9 V then hold until 0.05 mA",
    fix: "charge at 1 mA until 3.9 V then hold until 0.05 mA",
  },
  {
    code: "BTP6602",
    severity: "error",
    title: "Protection LAND cannot express",
    explanation:
      "LAND protection covers voltage, current and capacity. A temperature or power limit cannot be keyed into the step editor, so it is refused; set the oven's own over-temperature protection by hand.",
    bad: "limits { temperature 0 °C .. 60 °C }\nrest for 1 h",
    fix: "limits { voltage 2 V .. 4.2 V }\nrest for 1 h",
  },
];

// ---- BioLogic (BTP6100–6199): EC-Lab / BT-Lab settings (.mps) ----------------------------------
// 610x compiling · 612x importing.
const biologicCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP6101",
    severity: "error",
    title: "Temperature set-point during an EC-Lab run",
    explanation:
      "EC-Lab settings cannot drive a climate chamber. A set-point before the first measurement becomes an instruction in the file's comments and a rest for its settle time; a set-point later in the protocol would need someone to change the chamber at the right moment, which the file cannot arrange. A plan (btp compile --plan) turns it into a step of the operator's run sheet.",
    bad: "temperature 25 °C, settle 2 h\ncharge at 1 mA until 3.9 V\ntemperature 60 °C, settle 2 h\ncharge at 1 mA until 3.9 V",
    fix: "temperature 25 °C, settle 2 h\ncharge at 1 mA until 3.9 V",
  },
  {
    code: "BTP6102",
    severity: "error",
    title: "More limits than a Modulo Bat sequence holds",
    explanation:
      "A Modulo Bat sequence has three limit slots. Each end of a step takes one, and so does each step-level safety limit that is tighter than the file's (it becomes a limit that stops the run). A step that needs more cannot be written without dropping one.",
    bad: "charge at 1 mA until 3.9 V or for 2 h or until capacity 0.3 mAh or until current > 2 mA",
    fix: "charge at 1 mA until 3.9 V or for 2 h or until capacity 0.3 mAh",
  },
  {
    code: "BTP6103",
    severity: "error",
    title: "Value EC-Lab cannot set",
    explanation:
      "The value lies outside what an EC-Lab settings file can ask for: a current above the 10 A range, voltages beyond the ±10 V control range, a fractional number of points per decade or of cycles.",
    bad: "charge at 20 A until 3.9 V",
    fix: "charge at 2 A until 3.9 V",
  },
  {
    code: "BTP6104",
    severity: "error",
    title: "Open-circuit step that does not end on time",
    explanation:
      "EC-Lab's Open Circuit Voltage technique runs for a set time. An `ocv` step that ends on a voltage cannot be written as that technique; a `rest … until …` step can, as a Modulo Bat rest with a voltage limit.",
    bad: "ocv for 1 h or until 3.0 V",
    fix: "rest for 1 h or until 3.0 V",
  },
  {
    code: "BTP6105",
    severity: "error",
    title: "Safety limit an EC-Lab file cannot hold",
    explanation:
      "The file's safety block holds a voltage window and one absolute current limit. Temperature, capacity and power safety limits have no place in it, and the potentiostat techniques (OCV, impedance, sweeps) cannot carry step-level limits of their own.",
    bad: "limits { temperature -30 °C .. 70 °C }\ncharge at 1 mA until 3.9 V",
    fix: "limits { voltage 2.0 V .. 4.2 V }\ncharge at 1 mA until 3.9 V",
  },
  {
    code: "BTP6106",
    severity: "error",
    title: "Steps at given cycles cut a loop into too many parts",
    explanation:
      "EC-Lab loops cannot test the cycle number, so a loop with `after cycle` or `every N cycles` steps is cut at the cycles they run in, each stretch of identical cycles staying a loop. Beyond 200 parts the schedule is no longer one a person can review.",
    bad: "repeat 10000 {\n  rest for 1 s\n  every 3 cycles { rest for 2 s }\n  after cycle 1 { rest for 3 s }\n}",
    fix: "repeat 10000 {\n  rest for 1 s\n  every 100 cycles { rest for 2 s }\n}",
  },
  {
    code: "BTP6107",
    severity: "warning",
    title: "Value rounded to an EC-Lab field",
    explanation:
      "Technique potentials are written with 3 decimals (PEIS with 4), scan rates in mV/s with 3 decimals and durations to 0.1 ms. A value with more digits is written rounded; the warning says to what.",
    bad: "sweep from 2.5 V to 4.2345 V at 0.1 mV/s",
    fix: "sweep from 2.5 V to 4.235 V at 0.1 mV/s",
  },
  {
    code: "BTP6120",
    severity: "error",
    title: "Not an EC-Lab settings file",
    explanation:
      "The file does not start with EC-LAB SETTING FILE or BT-LAB SETTING FILE, is empty, holds binary data (an .mpr data file), or is far larger than any settings file. Nothing is imported.",
    bad: "btp import run.mpr",
    fix: "btp import run.mps",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6121",
    severity: "error",
    title: "EC-Lab technique btp does not import",
    explanation:
      "btp imports Modulo Bat, Open Circuit Voltage, PEIS, GEIS, Linear Sweep Voltammetry, Cyclic Voltammetry and Loop techniques. Another technique (GCPL, CA, Wait, …) is refused rather than guessed at.",
    bad: "Technique : 1\nGalvanostatic Cycling with Potential Limitation",
    fix: "Technique : 1\nModulo Bat",
    exampleLanguage: "text",
  },
  {
    code: "BTP6122",
    severity: "warning",
    title: "Row of a settings file not known to btp",
    explanation:
      "A parameter row (or a line after a technique) that btp does not know was not imported. EC-Lab versions add rows; check in EC-Lab what it does, and if it changes the test, write that part of the protocol by hand.",
    bad: "mystery_row         42",
    fix: "(remove the row, or check its meaning and edit the imported .btp)",
    exampleLanguage: "text",
  },
  {
    code: "BTP6123",
    severity: "error",
    title: "Modulo Bat sequence type btp does not import",
    explanation: "btp imports Rest, CC, CV and Loop sequences. Other Modulo Bat controls (urban profiles, power, resistance, impedance inside the technique, triggers) are refused with the sequence they are in.",
    bad: "ctrl_type           UP",
    fix: "ctrl_type           CC",
    exampleLanguage: "text",
  },
  {
    code: "BTP6124",
    severity: "error",
    title: "Value or setting in a settings file btp cannot read",
    explanation:
      "A cell that should hold a number, duration or unit does not, or it sets something a btp step cannot say (a limit on power, a time limit compared with <, a hold before an impedance, a voltage vs. a reference other than Ref or Eoc). The cell is named; nothing is guessed.",
    bad: "lim1_type           Power",
    fix: "lim1_type           Ewe",
    exampleLanguage: "text",
  },
  {
    code: "BTP6125",
    severity: "error",
    title: "Jump in a settings file that is not a loop",
    explanation:
      "btp rebuilds Loop sequences and Loop techniques as loops around what they go back over. A limit that jumps to another sequence (Goto sequence), a loop that goes forward, loops that overlap instead of nesting, or nesting deeper than 64 cannot be read as structure and is refused.",
    bad: "lim1_action         Goto sequence\nlim1_seq            0",
    fix: "lim1_action         Next sequence\nlim1_seq            1",
    exampleLanguage: "text",
  },
  {
    code: "BTP6126",
    severity: "warning",
    title: "Header line of a settings file not known to btp",
    explanation: "A line of the header (before the first technique) that btp does not know was not imported. Check in EC-Lab whether it matters for the test.",
    bad: "Mystery setting : on",
    fix: "(remove the line, or check its meaning)",
    exampleLanguage: "text",
  },
  {
    code: "BTP6127",
    severity: "error",
    title: "Truncated or inconsistent settings file",
    explanation:
      "The header links a different number of techniques than the file holds, techniques or sequences are numbered out of order, or a required row is missing. The file was probably cut short or edited by hand; save it again from EC-Lab.",
    bad: "Number of linked techniques : 2   (one technique follows)",
    fix: "Number of linked techniques : 1",
    exampleLanguage: "text",
  },
  {
    code: "BTP6128",
    severity: "warning",
    title: "Setting btp does not import",
    explanation:
      "A row btp knows but does not model (a timeout, a combined CC-CV control, recording on charge or power) holds a setting. It was not imported; check whether the test depends on it.",
    bad: "ctrl_TO_t           2.000",
    fix: "ctrl_TO_t           0.000",
    exampleLanguage: "text",
  },
  {
    code: "BTP6129",
    severity: "error",
    title: "C-rate current without a battery capacity",
    explanation: "A sequence sets its current as C / N or C x N, but the header gives no battery capacity (or zero), so the current cannot be known.",
    bad: "Battery capacity : 0.000 A.h",
    fix: "Battery capacity : 2.280 mA.h",
    exampleLanguage: "text",
  },
  {
    code: "BTP6130",
    severity: "error",
    title: "Limit that stops the run before the end",
    explanation:
      "A limit with the action Stop ends the whole run. On the last sequence that is the end of the schedule anyway; earlier, a btp step cannot say it (its ends go on to the next step). Limits that stop on a voltage or current are read as the step's safety limits; others are refused.",
    bad: "lim1_type           Time\nlim1_action         Stop   (not the last sequence)",
    fix: "lim1_type           Time\nlim1_action         Next sequence",
    exampleLanguage: "text",
  },
];

// ---- CH Instruments (BTP6200–6249): CHI 660E / 760E macros ------------------------------------
const chiCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP6201",
    severity: "error",
    title: "Step end a CHI technique cannot run",
    explanation:
      "Each CHI technique ends in its own way: open circuit (ocpt), delays and potential holds (i-t) run for a set time; a chronopotentiometry segment (cp) ends on time or when the potential reaches its limit in the direction of the current, and can hold at that limit for a time only. An end on current, capacity, a falling voltage during a charge, or a second condition cannot be written; the diagnostic points at it.",
    bad: 'use cell "cells/na-cge-nvp.btp"\nhold at 4.0 V until 10 uA',
    fix: 'use cell "cells/na-cge-nvp.btp"\nhold at 4.0 V for 2 h',
  },
  {
    code: "BTP6202",
    severity: "error",
    title: "Constant current on CHI with no time bound",
    explanation:
      "A cp segment needs a segment time. A constant-current step with only a voltage end gets twice the time to pass the cell's nominal capacity (listed as an emulation); without a nominal capacity btp cannot bound it, so the step needs a time end.",
    bad: "charge at 1 mA until 3.9 V",
    fix: "charge at 1 mA until 3.9 V or for 5 h",
  },
  {
    code: "BTP6203",
    severity: "warning",
    title: "Loop passes save over each other on CHI",
    explanation:
      "CHI macros have no loop counter, so a measurement inside `for: N … next` is saved under the same file name on every pass and only the last pass is kept (fileoverride stops the macro from asking). A loop of one charge and one discharge is written as a single cp run instead, which keeps every cycle.",
    bad: 'use cell "cells/na-cge-nvp.btp"\nrepeat 3 { eis from 100 kHz to 1 Hz, amplitude 5 mV, 10 points per decade\n  rest for 10 min }',
    fix: 'use cell "cells/na-cge-nvp.btp"\neis from 100 kHz to 1 Hz, amplitude 5 mV, 10 points per decade\nrest for 10 min\neis from 100 kHz to 1 Hz, amplitude 5 mV, 10 points per decade\nrest for 10 min\neis from 100 kHz to 1 Hz, amplitude 5 mV, 10 points per decade\nrest for 10 min',
  },
  {
    code: "BTP6204",
    severity: "error",
    title: "Temperature set-point during a CHI macro",
    explanation:
      "A CHI macro cannot drive a climate chamber or wait for the operator. A set-point before the first measurement becomes an instruction in the header and a delay for its settle time; a later one is refused. A plan (btp compile --plan) splits the protocol at it and tells the operator when to change the oven.",
    bad: "temperature 25 °C, settle 1 h\neis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade\ntemperature 40 °C, settle 1 h\neis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade",
    fix: "temperature 25 °C, settle 1 h\neis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade",
  },
  {
    code: "BTP6205",
    severity: "error",
    title: "Steps at given cycles cut a CHI loop into too many parts",
    explanation:
      "CHI loops cannot test the cycle number, so a loop with `after cycle` or `every N cycles` steps is cut at the cycles they run in, each stretch of identical cycles staying a for/next loop. Beyond 200 parts the macro is no longer one a person can review.",
    bad: "repeat 10000 {\n  rest for 1 s\n  every 3 cycles { rest for 2 s }\n  after cycle 1 { rest for 3 s }\n}",
    fix: "repeat 10000 {\n  rest for 1 s\n  every 100 cycles { rest for 2 s }\n}",
  },
  {
    code: "BTP6206",
    severity: "error",
    title: "A CHI potential relative to open circuit needs a symmetric cell",
    explanation:
      "CHI techniques other than impedance take absolute potentials. On a symmetric cell (Na | electrolyte | Na) the open-circuit voltage is 0 V by construction, so btp writes `ocv + 50 mV` as 50 mV (an emulation listed in the header). On any other cell the OCV is unknown until measured, so the step is refused.",
    bad: 'cell c { kind full\n  cathode "NVP" { active mass 2.5 mg, specific capacity 117.6 mAh/g }\n  window 2.3 V .. 3.9 V }\nhold at ocv + 50 mV for 1 h',
    fix: 'cell c { kind full\n  cathode "NVP" { active mass 2.5 mg, specific capacity 117.6 mAh/g }\n  window 2.3 V .. 3.9 V }\nhold at 3.45 V for 1 h',
  },
];

// ---- PyBaMM, BattINFO, methods (BTP6700–6799): simulator and document targets ---------------
// 670x compiling to PyBaMM · 671x-672x importing PyBaMM experiments · 674x BattINFO.
const pybammCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP6701",
    severity: "error",
    title: "PyBaMM: capacity end on a step that is not constant current",
    explanation:
      "PyBaMM's step terminations are voltage, current and C-rate only. At a constant current a capacity end is a time (capacity ÷ current), and btp writes it so; on a hold, a rest or a constant-power step the charge does not grow linearly, so the end cannot be written.",
    bad: "hold at 3.9 V until 0.1 mAh or 2 h",
    fix: "hold at 3.9 V until C/20 or 2 h",
  },
  {
    code: "BTP6702",
    severity: "error",
    title: "PyBaMM: rising current end",
    explanation:
      "PyBaMM compares a current termination with `>` on the signed current (positive on discharge, negative on charge), so `until current > …` would fire at the wrong time on a charge or a hold. Only a falling current (a taper, `until C/20`) is written.",
    bad: "hold at 3.8 V for 1 h until > 5 mA",
    fix: "hold at 3.8 V for 1 h",
  },
  {
    code: "BTP6703",
    severity: "error",
    title: "PyBaMM: settle until stable",
    explanation:
      "A simulated ambient temperature changes at once; there is nothing to wait for. A settle time is written as a rest at the new temperature, tagged \"temperature settle\".",
    bad: "temperature 60 °C, settle until stable",
    fix: "temperature 60 °C, settle 2 h",
  },
  {
    code: "BTP6704",
    severity: "error",
    title: "Steps at given cycles make too long a pattern",
    explanation:
      "PyBaMM (and BattINFO, BTP6740) can only repeat a fixed body, so a loop with steps at given cycles is written as runs of identical passes. A pattern needing more than 1,000 runs (hundreds of listed cycles, or `every` periods with a huge common multiple) would be as long as the unrolled loop, so it is refused.",
    bad: "repeat 100000 {\n  rest for 1 s\n  every 9973 cycles { rest for 2 s }\n  every 9967 cycles { rest for 3 s }\n}",
    fix: "repeat 100000 {\n  rest for 1 s\n  every 10000 cycles { rest for 2 s }\n}",
  },
  {
    code: "BTP6705",
    severity: "error",
    title: "PyBaMM: step without an end",
    explanation:
      "Every PyBaMM step string needs `for` or `until`. The checker refuses such steps in .btp files, but a protocol imported from another format may hold one, and it cannot be written.",
    bad: "rest   # imported from a schedule whose rest has no end",
    fix: "rest for 1 h",
  },
  {
    code: "BTP6706",
    severity: "error",
    title: "PyBaMM: nothing to run",
    explanation: "PyBaMM refuses an empty experiment. The protocol has no step PyBaMM runs (a temperature set-point alone writes no step).",
    bad: "temperature 25 °C",
    fix: "temperature 25 °C\nrest for 1 h",
  },
  {
    code: "BTP6710",
    severity: "error",
    title: "PyBaMM import: no experiment found",
    explanation:
      "`btp import` reads the operating conditions given to pybamm.Experiment(...) in a .py file, one step string per line in a .txt file, or a JSON list (or an object with \"operating_conditions\"). This file has none of these.",
    bad: "btp import model.py   # a file without pybamm.Experiment(...)",
    fix: "btp import experiment.py   # experiment = pybamm.Experiment([...])",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6711",
    severity: "error",
    title: "PyBaMM import: Python btp cannot read",
    explanation:
      "btp never runs the file: it reads string literals, tuples (cycles), lists, `+`, `* N`, pybamm.step.string/current/c_rate/voltage/power/rest(...) and names assigned at the top of the file. Comprehensions, f-strings, loops that build the list, drive cycles and custom steps are not read.",
    bad: 'experiment = pybamm.Experiment([f"Discharge at {c}C until 3 V" for c in rates])',
    fix: 'experiment = pybamm.Experiment(["Discharge at 0.5C until 3 V", "Discharge at 1C until 3 V"])',
    exampleLanguage: "text",
  },
  {
    code: "BTP6712",
    severity: "error",
    title: "PyBaMM import: not PyBaMM's step grammar",
    explanation:
      "The string or keyword is one PyBaMM itself refuses: a temperature inside the string (`at 25oC`, the grammar before PyBaMM 23.5), a drive cycle (`Run US06`), `… then hold …`, a period given twice, a keyword of the wrong type. Where PyBaMM would refuse a string btp can still read (a lower-case `charge`, no `for` or `until`) it is a warning.",
    bad: '"Discharge at 1C until 3 V at 25oC"',
    fix: 'pybamm.step.string("Discharge at 1C until 3 V", temperature="25oC")',
    exampleLanguage: "text",
  },
  {
    code: "BTP6713",
    severity: "error",
    title: "PyBaMM import: voltage cut-off PyBaMM ignores",
    explanation:
      "On a Rest or a Hold, PyBaMM takes a voltage termination's direction from the step, and these have none: `Rest until 3.9 V` never ends on the voltage. Importing it as a cut-off would change what the experiment does, so it is refused.",
    bad: '"Rest until 3.9 V"',
    fix: '"Rest until > 3.9 V"',
    exampleLanguage: "text",
  },
  {
    code: "BTP6714",
    severity: "warning",
    title: "PyBaMM import: experiment termination not imported",
    explanation:
      "pybamm.Experiment(termination=\"80% capacity\") stops the whole experiment on the model's capacity, which btp cannot state. The steps are imported without it.",
    bad: 'pybamm.Experiment([...], termination="80% capacity")',
    fix: "repeat 1000 until discharge capacity < 80 % of cycle 1 { … }   # added by hand in the .btp",
    exampleLanguage: "text",
  },
  {
    code: "BTP6715",
    severity: "error",
    title: "PyBaMM import: C-rates without the cell's capacity",
    explanation:
      "PyBaMM resolves C-rates with the parameter set's \"Nominal cell capacity [A.h]\". btp needs it to know what 1C is; the file does not give it.",
    bad: '["Discharge at 1C until 3 V"]',
    fix: '{"operating_conditions": ["Discharge at 1C until 3 V"], "Nominal cell capacity [A.h]": 5.0}',
    exampleLanguage: "text",
  },
  {
    code: "BTP6716",
    severity: "error",
    title: "PyBaMM import: input too large or too deeply nested",
    explanation:
      "An experiment file is a few kilobytes. A file over 4 MB, with more than 500,000 tokens, brackets nested more than 100 deep or more than 100,000 steps written out is refused before it can use unbounded time or memory.",
    bad: "btp import huge.py",
    fix: "write repeated cycles once and repeat them with * N",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6717",
    severity: "warning",
    title: "PyBaMM import: keyword not imported",
    explanation:
      "A step's or the experiment's keyword other than duration, termination, period, temperature and tags (start_time, skip_ok, description, …), a second experiment in the file, or a single voltage cut-off is reported and left out.",
    bad: 'pybamm.step.string("Rest for 1 hour", start_time=start)',
    fix: 'pybamm.step.string("Rest for 1 hour")',
    exampleLanguage: "text",
  },
  {
    code: "BTP6718",
    severity: "error",
    title: "PyBaMM import: repetition is not a whole number",
    explanation: "A list or tuple is repeated with `* N`, N a whole number. Anything else is not a loop btp can read; `* 0` drops the steps (a warning).",
    bad: '[("Charge at 1C until 4.2 V", "Discharge at 1C until 3 V")] * 2.5',
    fix: '[("Charge at 1C until 4.2 V", "Discharge at 1C until 3 V")] * 3',
    exampleLanguage: "text",
  },
  {
    code: "BTP6719",
    severity: "error",
    title: "PyBaMM import: not UTF-8 text",
    explanation: "Python source and JSON are UTF-8. The file has bytes that are not UTF-8 (it may be a binary or a data file).",
    bad: "btp import data.xlsx --from pybamm",
    fix: "btp import experiment.py",
    exampleLanguage: "shell",
  },
  {
    code: "BTP6720",
    severity: "warning",
    title: "PyBaMM import: signed current comparison",
    explanation:
      "PyBaMM compares `until > 5 A` with the signed current (positive on discharge); btp compares the current's size. The two agree on a discharge, not on a charge: check the step.",
    bad: '"Hold at 3.8 V for 1 hour until > 5 A"',
    fix: '"Hold at 3.8 V for 1 hour"',
    exampleLanguage: "text",
  },
  {
    code: "BTP6721",
    severity: "warning",
    title: "PyBaMM import: step without a temperature after one with",
    explanation:
      "PyBaMM runs a step without temperature= at the parameter set's ambient temperature; btp keeps the chamber at the last set-point. The imported protocol differs from the experiment there.",
    bad: '[pybamm.step.string("Rest for 1 hour", temperature="60oC"), "Discharge at 1C until 3 V"]',
    fix: '[pybamm.step.string("Rest for 1 hour", temperature="60oC"), pybamm.step.string("Discharge at 1C until 3 V", temperature="25oC")]',
    exampleLanguage: "text",
  },
  {
    code: "BTP6740",
    severity: "error",
    title: "BattINFO: steps at given cycles make too long a pattern",
    explanation:
      "A BattINFO group repeats a fixed body, so a loop with steps at given cycles is written as groups of identical passes. A pattern needing more than 1,000 groups is refused (see BTP6704).",
    bad: "repeat 100000 {\n  rest for 1 s\n  every 9973 cycles { rest for 2 s }\n  every 9967 cycles { rest for 3 s }\n}",
    fix: "repeat 100000 {\n  rest for 1 s\n  every 10000 cycles { rest for 2 s }\n}",
  },
];

export const targetsCodes: DiagnosticCodeInfo[] = [...infrastructureCodes, ...newareCodes, ...arbinCodes, ...maccorCodes, ...landCodes, ...biologicCodes, ...chiCodes, ...pybammCodes];
