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

export const targetsCodes: DiagnosticCodeInfo[] = [...infrastructureCodes, ...newareCodes, ...arbinCodes];
