namespace SopBot.Domain.Sop;

/// <summary>
/// The six pillars and fifteen core elements of the Standard Operating Procedures for
/// Delivering as One. The English definitions are the official wording of the UNDG LAC
/// strategy of 18 January 2016 (Annex 2); the Spanish ones are our translation.
/// </summary>
public static class SopCatalog
{
    public const int ElementCount = 15;

    public static readonly Pillar Overarching = new(1, "overarching", "Overarching", "Transversal");
    public static readonly Pillar OneProgramme = new(2, "oneProgramme", "One Programme", "Un Programa");
    public static readonly Pillar CommonBudgetaryFramework = new(
        3, "commonBudgetaryFramework", "Common Budgetary Framework (and One Fund)", "Marco Presupuestario Común (y Fondo Único)");
    public static readonly Pillar OneLeader = new(4, "oneLeader", "One Leader", "Un Líder");
    public static readonly Pillar OperatingAsOne = new(5, "operatingAsOne", "Operating as One", "Operar como Uno");
    public static readonly Pillar CommunicatingAsOne = new(6, "communicatingAsOne", "Communicating as One", "Comunicar como Uno");

    public static IReadOnlyList<Pillar> Pillars { get; } =
        [Overarching, OneProgramme, CommonBudgetaryFramework, OneLeader, OperatingAsOne, CommunicatingAsOne];

    /// <summary>The core elements in pillar order; element n is at index n - 1.</summary>
    public static IReadOnlyList<CoreElement> Elements { get; } =
    [
        new(1, Overarching,
            "Joint oversight and ownership agreed between Government and the UN and outlined in agreed terms of reference for a Joint National/UN Steering Committee",
            "Supervisión y apropiación conjuntas acordadas entre el Gobierno y la ONU, descritas en los términos de referencia acordados de un Comité Directivo Conjunto Nacional/ONU",
            "Joint National/UN Steering Committee", "Comité Directivo Conjunto Nacional/ONU", "Generic terms of reference"),
        new(2, Overarching,
            "Annual reporting on joint UN results in the UN Country Results Report",
            "Informe anual de los resultados conjuntos de la ONU en el Informe de Resultados de País de la ONU",
            "UN Country Results Report", "Informe de Resultados de País", null),
        new(3, OneProgramme,
            "Signed UNDAF at the outcome level with legal text as appropriate",
            "MANUD firmado a nivel de efectos, con texto legal según corresponda",
            "Signed UNDAF", "MANUD firmado", null),
        new(4, OneProgramme,
            "Joint Work Plans (of Results Groups), aligned with the UNDAF and signed by involved UN entities (this does not preclude agency specific work plans where required)",
            "Planes de Trabajo Conjuntos (de los Grupos de Resultados), alineados con el MANUD y firmados por las entidades de la ONU participantes (sin excluir planes de trabajo propios de cada agencia cuando se requieran)",
            "Joint Work Plans", "Planes de Trabajo Conjuntos", "Tips and template for JWPs"),
        new(5, OneProgramme,
            "Results Groups (chaired by Heads of Agencies) focused on strategic policy and programme content established and aligned with national coordination mechanisms",
            "Grupos de Resultados (presididos por Jefes de Agencia) centrados en contenidos estratégicos de política y programa, establecidos y alineados con los mecanismos nacionales de coordinación",
            "Results Groups", "Grupos de Resultados", "Generic Terms of Reference"),
        new(6, CommonBudgetaryFramework,
            "A medium-term Common Budgetary Framework aligned to the UNDAF/One Programme as a results-oriented resourcing framework for UN resources",
            "Un Marco Presupuestario Común de mediano plazo alineado con el MANUD/Un Programa, como marco de recursos de la ONU orientado a resultados",
            "Medium-term Common Budgetary Framework", "Marco Presupuestario Común de mediano plazo", "Guide to the Common Budgetary Framework"),
        new(7, CommonBudgetaryFramework,
            "Annual Common Budgetary Frameworks (as a part of the Joint Work Plans) updated annually with transparent data on financial resources required, available, expected, and to be mobilized",
            "Marcos Presupuestarios Comunes anuales (como parte de los Planes de Trabajo Conjuntos) actualizados cada año con datos transparentes sobre los recursos financieros requeridos, disponibles, esperados y por movilizar",
            "Annual Common Budgetary Frameworks", "Marcos Presupuestarios Comunes anuales", "Tools and materials"),
        new(8, CommonBudgetaryFramework,
            "A Joint Resource Mobilization strategy as appropriate to the country context (with the option of a One Fund duly considered) approved by the UNCT and monitored and reported against in the UN Country Results Report",
            "Una estrategia conjunta de movilización de recursos adecuada al contexto del país (considerando debidamente la opción de un Fondo Único), aprobada por el UNCT y monitoreada y reportada en el Informe de Resultados de País de la ONU",
            "Joint Resource Mobilization strategy", "Estrategia conjunta de movilización de recursos", null),
        new(9, OneLeader,
            "Strong commitment and incentives of the UNCT to work towards common results and accountability through full implementation of the M&A system and the UNCT Conduct and Working Arrangements",
            "Compromiso firme e incentivos del UNCT para trabajar hacia resultados comunes y rendición de cuentas mediante la plena aplicación del sistema de Gestión y Rendición de Cuentas y de las normas de conducta y arreglos de trabajo del UNCT",
            "UNCT commitment and accountability", "Compromiso y rendición de cuentas del UNCT", "M&A system; UNCT Conduct and Working Arrangements"),
        new(10, OneLeader,
            "Empowered UNCT to make joint decisions relating to programming activities and financial matters",
            "UNCT facultado para tomar decisiones conjuntas sobre actividades de programación y asuntos financieros",
            "Empowered UNCT", "UNCT facultado", null),
        new(11, OperatingAsOne,
            "Business Operations Strategy endorsed by UNCT is highly recommended, adapted to local needs and capacities, to enhance operational oneness processes through eliminating duplication of common processes to leverage efficiencies and maximize economies of scale",
            "Se recomienda enfáticamente una Estrategia de Operaciones Institucionales (BOS) respaldada por el UNCT, adaptada a las necesidades y capacidades locales, para fortalecer la unidad operativa eliminando la duplicación de procesos comunes, ganar eficiencia y maximizar las economías de escala",
            "Business Operations Strategy", "Estrategia de Operaciones Institucionales", "Business Operations Strategy"),
        new(12, OperatingAsOne,
            "Empowered Operations Management Team (chaired by a Head of Agency)",
            "Equipo de Gestión de Operaciones facultado (presidido por un Jefe de Agencia)",
            "Operations Management Team", "Equipo de Gestión de Operaciones", null),
        new(13, OperatingAsOne,
            "Operations costs and budgets integrated in the overall medium-term Common Budgetary Framework",
            "Costos y presupuestos de operaciones integrados en el Marco Presupuestario Común de mediano plazo",
            "Operations costs in the CBF", "Costos de operaciones en el MPC", null),
        new(14, CommunicatingAsOne,
            "A joint communication strategy appropriate to the country context approved by the UNCT and monitored and reported against in the UN Country Results Report",
            "Una estrategia conjunta de comunicación adecuada al contexto del país, aprobada por el UNCT y monitoreada y reportada en el Informe de Resultados de País de la ONU",
            "Joint communication strategy", "Estrategia conjunta de comunicación", "Guide to Communicating as One"),
        new(15, CommunicatingAsOne,
            "Country Communications Group (chaired by a Head of Agency) and supported by regional and HQ levels, as necessary",
            "Grupo de Comunicaciones de País (presidido por un Jefe de Agencia) con apoyo de los niveles regional y de sede, según sea necesario",
            "Country Communications Group", "Grupo de Comunicaciones de País", null),
    ];

    public static bool IsValidElementNumber(int number) => number is >= 1 and <= ElementCount;

    /// <summary>Returns element <paramref name="number"/> (1 to 15).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is outside 1 to 15.</exception>
    public static CoreElement Element(int number) =>
        IsValidElementNumber(number)
            ? Elements[number - 1]
            : throw new ArgumentOutOfRangeException(nameof(number), number, "Core elements are numbered 1 to 15.");

    public static IEnumerable<CoreElement> ElementsOf(Pillar pillar) => Elements.Where(e => e.Pillar == pillar);
}
