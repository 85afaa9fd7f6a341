namespace Cebu.Core.Features.Cases;

/// <summary>
/// The English source of every text the case rules show a person: screening questions, rule explanations, priority
/// and service names, the public status. Keys are resx names (letters, digits, dots): the web layer copies this table
/// into Cebu.Web/Resources/CaseResource.resx and adds km, my, id, th and vi; the tests check every key used exists here.
/// Screening questions are worded for a worker reading on a phone, in short plain sentences, addressed as "you".
/// </summary>
public static class CaseText
{
    public static IReadOnlyDictionary<string, string> English { get; } = new Dictionary<string, string>
    {
        // The ILO's eleven indicators: title (the ILO name) and the question put to the worker.
        ["Cases.Screening.AbuseOfVulnerability.Title"] = "Abuse of vulnerability",
        ["Cases.Screening.AbuseOfVulnerability.Question"] = "Does someone use your situation against you (for example: you have no papers, no money, do not speak the language, or have nowhere else to go) to make you accept work you do not want?",
        ["Cases.Screening.Deception.Title"] = "Deception",
        ["Cases.Screening.Deception.Question"] = "Is your job, your pay or your working conditions different from what you were promised when you were recruited?",
        ["Cases.Screening.RestrictionOfMovement.Title"] = "Restriction of movement",
        ["Cases.Screening.RestrictionOfMovement.Question"] = "Are you locked in, guarded, or stopped from leaving your workplace or the place where you live?",
        ["Cases.Screening.Isolation.Title"] = "Isolation",
        ["Cases.Screening.Isolation.Question"] = "Are you kept away from other people, or stopped from calling your family or friends (for example, your phone was taken)?",
        ["Cases.Screening.PhysicalAndSexualViolence.Title"] = "Physical and sexual violence",
        ["Cases.Screening.PhysicalAndSexualViolence.Question"] = "Has anyone at work or where you live hit you, hurt you, or forced you to do something sexual?",
        ["Cases.Screening.IntimidationAndThreats.Title"] = "Intimidation and threats",
        ["Cases.Screening.IntimidationAndThreats.Question"] = "Has anyone threatened you or your family, for example with violence, with the police or immigration, or with more debt?",
        ["Cases.Screening.RetentionOfIdentityDocuments.Title"] = "Retention of identity documents",
        ["Cases.Screening.RetentionOfIdentityDocuments.Question"] = "Does your employer or agent keep your passport or identity card, so that you cannot have it when you want it?",
        ["Cases.Screening.WithholdingOfWages.Title"] = "Withholding of wages",
        ["Cases.Screening.WithholdingOfWages.Question"] = "Is your pay kept back, paid very late or not paid at all, so that you feel you cannot leave?",
        ["Cases.Screening.DebtBondage.Title"] = "Debt bondage",
        ["Cases.Screening.DebtBondage.Question"] = "Do you owe money to your employer or agent (for fees, travel, food or housing) that you must work off before you may leave?",
        ["Cases.Screening.AbusiveWorkingAndLivingConditions.Title"] = "Abusive working and living conditions",
        ["Cases.Screening.AbusiveWorkingAndLivingConditions.Question"] = "Is your work or your housing dangerous, dirty or humiliating (for example no safety equipment, no proper bed, not enough food or water)?",
        ["Cases.Screening.ExcessiveOvertime.Title"] = "Excessive overtime",
        ["Cases.Screening.ExcessiveOvertime.Question"] = "Are you made to work very long hours or on your rest days, more than you agreed, without being able to say no?",

        ["Cases.Answer.Yes"] = "Yes",
        ["Cases.Answer.No"] = "No",
        ["Cases.Answer.Unknown"] = "I don't know / I prefer not to say",

        // The facts beside the answers.
        ["Cases.Fact.InDangerNow"] = "Are you in danger right now?",
        ["Cases.Fact.Minor"] = "Are you under 18 years old?",
        ["Cases.Fact.Detained"] = "Have you been arrested, or are you held by the police or immigration?",
        ["Cases.Fact.Injured"] = "Are you hurt or sick and need a doctor?",
        ["Cases.Fact.NoSafePlaceToStay"] = "Do you have nowhere safe to sleep tonight?",
        ["Cases.Fact.OutsideCountryOfNationality"] = "Are you working in a country that is not your own?",

        // Why the screening set the priority, raised the flag, suggested a referral (rule ids as in the README).
        ["Cases.Rule.P0"] = "No indicator of forced labour, no danger and no labour issue was reported: low priority.",
        ["Cases.Rule.P1"] = "The person says they are in physical danger now: urgent. Give emergency numbers at once.",
        ["Cases.Rule.P2"] = "There are signs of trafficking or forced labour: urgent.",
        ["Cases.Rule.P3"] = "The person is detained: urgent. Their consulate must be told without delay if they ask, and they need legal help.",
        ["Cases.Rule.P4"] = "The person is a child (under 18): at least high priority.",
        ["Cases.Rule.P5"] = "One indicator of forced labour is present: high priority. Ask the other questions again with care.",
        ["Cases.Rule.P6"] = "The complaint is about a labour issue (wages, contract, documents or fees): normal priority.",
        ["Cases.Rule.P7"] = "More than five questions are unanswered: the screening is incomplete, so at least normal priority. Ask again when it is safe.",
        ["Cases.Rule.T1"] = "Two or more indicators of forced labour are present; taken together they point to forced labour.",
        ["Cases.Rule.T2"] = "Violence, confinement or debt bondage is reported: each alone may mean forced labour.",
        ["Cases.Rule.T3"] = "A child is exploited: under the UN Trafficking Protocol, no threat, force or deception needs to be shown.",
        ["Cases.Rule.R1a"] = "In danger now: a safe place to stay.",
        ["Cases.Rule.R1b"] = "No safe place to sleep tonight.",
        ["Cases.Rule.R1c"] = "Confined at work or at home: a safe place to go once out.",
        ["Cases.Rule.R2a"] = "Hurt or sick: needs medical care.",
        ["Cases.Rule.R2b"] = "Violence reported: medical care and, with consent, a medical record of injuries.",
        ["Cases.Rule.R3a"] = "Signs of trafficking: legal advice on rights as a victim and on any criminal case.",
        ["Cases.Rule.R3b"] = "Detained: needs a lawyer.",
        ["Cases.Rule.R3c"] = "Contract broken or job different from the one promised: legal advice on the contract.",
        ["Cases.Rule.R4a"] = "Working hours, conditions or pay below the law: the labour inspectorate can inspect the workplace.",
        ["Cases.Rule.R4b"] = "Unpaid wages or a broken contract: the labour inspectorate can order the employer to comply.",
        ["Cases.Rule.R5"] = "Signs of trafficking: the anti-trafficking police can investigate, with the person's consent.",
        ["Cases.Rule.R6a"] = "Detained abroad: the consulate can visit and help (if the person asks).",
        ["Cases.Rule.R6b"] = "Passport or identity documents withheld abroad: the consulate can help get them back or issue new ones.",
        ["Cases.Rule.R6c"] = "Signs of trafficking abroad: the consulate can help with protection and a safe return home.",
        ["Cases.Rule.R7a"] = "Wages unpaid or withheld: a wage claim can recover them.",
        ["Cases.Rule.R7b"] = "Recruitment fees or a debt to the employer or agent: a claim can recover unlawful fees.",

        ["Cases.Priority.Urgent"] = "Urgent",
        ["Cases.Priority.High"] = "High",
        ["Cases.Priority.Normal"] = "Normal",
        ["Cases.Priority.Low"] = "Low",

        ["Cases.Service.Shelter"] = "Shelter",
        ["Cases.Service.Medical"] = "Medical care",
        ["Cases.Service.LegalAid"] = "Legal aid",
        ["Cases.Service.LabourInspection"] = "Labour inspection",
        ["Cases.Service.AntiTraffickingPolice"] = "Anti-trafficking police",
        ["Cases.Service.Consulate"] = "Consulate",
        ["Cases.Service.WageClaim"] = "Wage claim",

        // What the person who filed a complaint sees when they enter their receipt code (nothing else).
        ["Cases.PublicStatus.Received.Title"] = "Received",
        ["Cases.PublicStatus.Received.Text"] = "Your complaint has been received. A caseworker will read it soon.",
        ["Cases.PublicStatus.InReview.Title"] = "Being reviewed",
        ["Cases.PublicStatus.InReview.Text"] = "A caseworker has read your complaint and is deciding how to help.",
        ["Cases.PublicStatus.InProgress.Title"] = "Being handled",
        ["Cases.PublicStatus.InProgress.Text"] = "A caseworker is working on your complaint.",
        ["Cases.PublicStatus.PassedOn.Title"] = "Passed on for help",
        ["Cases.PublicStatus.PassedOn.Text"] = "Your complaint has been passed on to an organisation that can help, as you agreed.",
        ["Cases.PublicStatus.Resolved.Title"] = "Resolved",
        ["Cases.PublicStatus.Resolved.Text"] = "Your complaint has been dealt with. A caseworker may still contact you to check that all is well.",
        ["Cases.PublicStatus.Closed.Title"] = "Closed",
        ["Cases.PublicStatus.Closed.Text"] = "Your complaint is closed. If you still need help, file a new complaint.",
        ["Cases.PublicStatus.Reopened.Title"] = "Being handled again",
        ["Cases.PublicStatus.Reopened.Text"] = "Your complaint has been opened again and a caseworker is looking at it.",
        ["Cases.PublicStatus.HelpUnderWay.Title"] = "Help under way",
        ["Cases.PublicStatus.HelpUnderWay.Text"] = "An organisation that can help has your case, as you agreed, and is working on it.",
        ["Cases.PublicStatus.HelpGiven.Title"] = "Help given",
        ["Cases.PublicStatus.HelpGiven.Text"] = "The organisation your case was passed on to has finished its work. Your caseworker will check that all is well.",
        ["Cases.PublicStatus.BackWithCaseworker.Title"] = "Back with your caseworker",
        ["Cases.PublicStatus.BackWithCaseworker.Text"] = "Your case is back with your caseworker, who will look for other help with you.",
    };
}
