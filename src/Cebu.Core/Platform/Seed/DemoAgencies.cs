using Cebu.Core.Features.Agencies;

namespace Cebu.Core.Platform.Seed;

/// <summary>
/// About fifty obviously fictional agencies (licence numbers contain DEMO, addresses are on Example Street, e-mail
/// is at example.org). The laws cited in their decisions are real; the decisions are not.
/// </summary>
internal static class DemoAgencies
{
    private sealed record StateInfo(string Code, string City, string Phone, string Law, string[] Destinations, string[] Stems, string[] LocalNames, string[] People);

    private static readonly StateInfo[] States =
    [
        new("KH", "Phnom Penh", "+855 23 000 0", "Sub-Decree No. 190 on the Management of the Sending of Cambodian Workers Abroad through Private Recruitment Agencies (2011)",
            ["TH", "MY", "KR", "JP", "SG"],
            ["Golden Lotus Manpower", "Mekong Bright Future Recruitment", "Angkor Skills Placement", "Tonle Sap Workforce", "Kampuchea Overseas Jobs", "Bayon Human Resources", "Sunrise Khmer Manpower", "Royal Rice Recruitment", "Four Faces Employment"],
            ["ក្រុមហ៊ុន ផ្កាឈូកមាស", "ក្រុមហ៊ុន អនាគតភ្លឺមេគង្គ", "ក្រុមហ៊ុន ជំនាញអង្គរ", "ក្រុមហ៊ុន ទន្លេសាប", "", "", "", "", ""],
            ["Sokha Example", "Dara Sample", "Vannak Placeholder", "Chenda Fictional"]),
        new("PH", "Manila", "+63 2 8000 0", "Republic Act No. 8042 (Migrant Workers and Overseas Filipinos Act of 1995), as amended by Republic Act No. 10022, sec. 6",
            ["SG", "MY", "HK", "SA", "AE", "TW", "JP"],
            ["Bayanihan Overseas Placement", "Sampaguita Manpower Services", "Pearl of the Orient Recruitment", "Mabuhay Global Staffing", "Island Star Employment", "Banaue Terraces Manpower", "Luzon Visayas Mindanao Careers", "Bagong Araw Agency"],
            ["Gintong Sampaguita Manpower", "", "", "", "", "", "", ""],
            ["Juan Example", "Maria Sample", "Jose Placeholder", "Ana Fictional"]),
        new("ID", "Jakarta", "+62 21 000 0", "Law No. 18 of 2017 on the Protection of Indonesian Migrant Workers",
            ["MY", "SG", "HK", "TW", "SA", "KR"],
            ["PT Teratai Emas Sejahtera", "PT Nusantara Karya Mandiri", "PT Garuda Tenaga Kerja", "PT Bintang Timur Sumber Daya", "PT Merapi Jaya Penempatan", "PT Borobudur Insani", "PT Samudra Biru Pekerja", "PT Cahaya Harapan Bangsa"],
            ["", "", "", "", "", "", "", ""],
            ["Budi Contoh", "Siti Sampel", "Agus Fiktif", "Dewi Contoh"]),
        new("MM", "Yangon", "+95 1 000 0", "Law Relating to Overseas Employment (State Law and Order Restoration Council Law No. 3/99, 1999)",
            ["TH", "MY", "SG", "JP", "KR"],
            ["Shwe Lotus Overseas Employment", "Golden Land Manpower", "Irrawaddy Bright Star Agency", "Myanmar Future Workforce", "Bagan Sunrise Recruitment", "Inle Horizon Employment", "Mandalay Hill Manpower", "Shwedagon Light Services"],
            ["ရွှေကြာ ပြည်ပအလုပ်အကိုင်", "ရွှေပြည် လူအင်အား", "", "", "", "", "", ""],
            ["U Aung Example", "Daw Khin Sample", "Ko Min Placeholder", "Ma Thida Fictional"]),
        new("VN", "Ha Noi", "+84 24 0000 0", "Law on Vietnamese Guest Workers, No. 69/2020/QH14 (2020)",
            ["JP", "KR", "TW", "MY", "SA"],
            ["Công ty Cổ phần Nhân lực Sao Vàng", "Công ty TNHH Hoa Sen Quốc tế", "Lạc Hồng Manpower JSC", "Sông Hồng Human Resources", "Trường Sơn Overseas Labour", "Hạ Long Bay Workforce", "Đông Á Cung ứng Nhân lực", "Phương Nam Employment"],
            ["", "", "", "", "", "", "", ""],
            ["Nguyễn Văn Ví Dụ", "Trần Thị Mẫu", "Lê Văn Giả Định", "Phạm Thị Hư Cấu"]),
        new("LA", "Vientiane", "+856 21 000 0", "Labour Law No. 43/NA (2013), articles on the sending of Lao workers abroad",
            ["TH", "JP", "KR", "MY"],
            ["Golden Champa Manpower", "Mekong Riverside Employment", "Luang Prabang Skills Services", "Vientiane Horizon Recruitment", "Plain of Jars Workforce", "Four Thousand Islands Agency", "Lane Xang Placement", "Pha That Luang Manpower"],
            ["ບໍລິສັດ ດອກຈຳປາຄຳ", "", "", "", "", "", "", ""],
            ["Somchai Example", "Keo Sample", "Bounmy Placeholder", "Noy Fictional"]),
    ];

    public static IEnumerable<Agency> Build(DateOnly today, DateTimeOffset now)
    {
        var sectors = new[] { "manufacturing", "construction", "agriculture", "domestic-work", "fishing", "hospitality", "care", "services" };
        foreach (var s in States)
        {
            for (var i = 0; i < s.Stems.Length; i++)
            {
                var n = i + 1;
                var from = today.AddYears(-2).AddDays(-30 * i);
                var agency = new Agency
                {
                    LicensingState = s.Code,
                    LicenceNumber = $"{s.Code}-DEMO-{n:000}",
                    LegalName = s.Stems[i] + (s.Code is "PH" or "KH" or "MM" or "LA" ? " Co., Ltd." : ""),
                    Address = $"{n * 11} Example Street, {s.City}",
                    Contacts = new AgencyContacts { Phone = $"{s.Phone}{n:000}", Email = $"office{n}@{s.Code.ToLowerInvariant()}-demo.example.org" },
                    Principals = [new Principal { Name = s.People[i % s.People.Length] + (i >= s.People.Length ? " II" : ""), Role = "director" }],
                    ValidFrom = from,
                    ValidUntil = from.AddYears(3),
                    Accreditations =
                    [
                        new Accreditation { Destination = s.Destinations[i % s.Destinations.Length], Sector = sectors[i % sectors.Length] },
                        new Accreditation { Destination = s.Destinations[(i + 1) % s.Destinations.Length], Sector = sectors[(i + 3) % sectors.Length] },
                    ],
                    CreatedAt = now,
                    UpdatedAt = now,
                    StatusSince = from,
                };
                if (s.LocalNames[i].Length > 0) agency.OtherNames.Add(new AgencyName { Name = s.LocalNames[i], Kind = AgencyNameKind.LocalScript });
                if (i == 1) agency.OtherNames.Add(new AgencyName { Name = s.Stems[i].Split(' ')[0] + " Jobs", Kind = AgencyNameKind.Trading });
                agency.History.Add(Change(agency, "grant", null, LicenceStatus.Active, from, "Licence granted.", null, s.Code, now));

                // Each state's registry shows every status: n = 2 suspended, 3 cancelled, 4 blacklisted, 5 expired.
                switch (n)
                {
                    case 2:
                        Decide(agency, "suspend", LicenceStatus.Suspended, today.AddDays(-40),
                            "Charged workers placement fees above the legal ceiling; suspended pending investigation.", s.Law, s.Code, now);
                        break;
                    case 3:
                        Decide(agency, "suspend", LicenceStatus.Suspended, today.AddDays(-200), "Failed to renew the required bank guarantee.", s.Law, s.Code, now);
                        Decide(agency, "cancel", LicenceStatus.Cancelled, today.AddDays(-120), "Bank guarantee not restored within the period allowed.", s.Law, s.Code, now);
                        break;
                    case 4:
                        Decide(agency, "blacklist", LicenceStatus.Blacklisted, today.AddDays(-300),
                            "Deployed workers with falsified contracts and withheld their passports.", s.Law, s.Code, now);
                        break;
                    case 5:
                        agency.ValidUntil = today.AddDays(-15);
                        break;
                }
                yield return agency;
            }
        }
    }

    private static void Decide(Agency a, string action, LicenceStatus to, DateOnly on, string reason, string law, string state, DateTimeOffset now)
    {
        a.History.Add(Change(a, action, a.Status, to, on, reason, law, state, now));
        a.Status = to;
        a.StatusSince = on;
        a.StatusReason = reason;
        a.StatusLegalReference = law;
    }

    private static AgencyStatusChange Change(Agency a, string action, LicenceStatus? from, LicenceStatus to, DateOnly on, string reason, string? law, string state, DateTimeOffset now) => new()
    {
        AgencyId = a.Id, Action = action, From = from, To = to, EffectiveOn = on, Reason = reason, LegalReference = law,
        DecidedBy = $"licensing@{state.ToLowerInvariant()}.demo", DecidedByOrganisation = null, RecordedAt = now,
    };
}
