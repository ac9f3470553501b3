window.SERVICEMAP_SERVICES = {
  "campi": {
    "s": [
      "id",
      "nome",
      "tipo",
      "aree",
      "comune",
      "comuni_serviti",
      "lingue",
      "indirizzo",
      "orari",
      "flag_orari",
      "chiusure",
      "posizione",
      "testo",
      "italiano"
    ],
    "posizione": ["lat", "lon", "precisione"],
    "tipi": ["chiave", "etichetta", "parole"],
    "aree": ["chiave", "etichetta", "parole"],
    "comuni": ["chiave", "nome"],
    "lingue": ["codice", "etichetta", "nome_proprio", "nome", "nome_italiano"]
  },
  "tipi": [
    [
      "sportello",
      "Help desk",
      "help help desk information advice social help who to ask where to go segretariato sociale sportello sociale aiuto informazioni orientamento a chi rivolgersi sportello di aiuto"
    ],
    [
      "centro-ascolto",
      "Listening centre",
      "listening volunteers talk to someone loneliness parish church caritas ascolto volontari parlare con qualcuno solitudine parrocchia centro di ascolto"
    ],
    [
      "hub-digitale",
      "Digital help point",
      "digital identity electronic id card online application apply online computer smartphone internet email health record online payment spid cie carta d'identita elettronica domanda online pec app io fascicolo sanitario pagopa hub di facilitazione digitale"
    ],
    [
      "patronato",
      "Benefits advice office (patronato)",
      "pension benefits unemployment benefit child benefit disability tax return paperwork pensione naspi assegno unico invalidita inps isee caf 730 dichiarazione dei redditi disoccupazione patronato"
    ]
  ],
  "aree": [
    [
      "poverta",
      "Poverty and money problems",
      "bills electricity gas food parcel food bank groceries food debts income money financial help benefits bollette luce pacco alimentare spesa cibo banco alimentare emporio solidale debiti isee reddito assegno di inclusione contributo economico soldi poverta e difficolta economiche"
    ],
    [
      "lavoro",
      "Work",
      "job work job search cv resume unemployment job interview job offers internship training course job centre curriculum disoccupazione naspi colloquio offerte di lavoro tirocinio formazione centro per l'impiego lavoro"
    ],
    [
      "famiglia",
      "Family",
      "parents children kids family benefits child benefit separation divorce nursery mothers fathers genitori figli bonus assegno unico separazione asilo nido mamme papa famiglia"
    ],
    [
      "anziani",
      "Older people",
      "elderly older people carer care home nursing home company pensioners home care emergency alarm badante rsa compagnia pensionati assistenza domiciliare telesoccorso anziani"
    ],
    [
      "digitale",
      "Digital services",
      "digital identity electronic id card online application apply online computer smartphone internet email health record online payment spid cie carta d'identita elettronica domanda online pec app io e-mail fascicolo sanitario pagopa servizi digitali"
    ]
  ],
  "comuni": [["pioltello", "Pioltello"], ["segrate", "Segrate"], ["vimodrone", "Vimodrone"]],
  "lingue": [
    ["ar", "Arabic (العربية)", "العربية", "Arabic", "arabo"],
    ["zh", "Chinese (中文)", "中文", "Chinese", "cinese"],
    ["en", "English", "English", "English", "inglese"],
    ["it", "Italian (italiano)", "italiano", "Italian", "italiano"]
  ],
  "s": [
    [
      "patronato-segrate",
      "Patronato Segrate",
      [3],
      [1, 3],
      1,
      [],
      [],
      "Via Roma 3, 20054 Segrate (MI)",
      "",
      2,
      [],
      [45.49, 9.295, 0],
      "patronato segrate patronato di prova pratiche di pensione, invalidita e disoccupazione, su appuntamento. via roma 3",
      1
    ],
    [
      "centro-ascolto-pioltello",
      "San Giorgio listening centre",
      [1, 2],
      [0, 2, 4],
      0,
      [1],
      [3, 2, 0, 1],
      "Via San Francesco 12, 20096 Pioltello (MI)",
      "09:00-12:00||09:00-12:00,15:00-18:00||15:00-18:00||",
      0,
      [["2026-08-01", "2026-08-31", "Chiuso per ferie"]],
      [45.499, 9.327, 1],
      "san giorgio listening centre associazione san giorgio a welcome, someone to listen to you, guidance and support towards local services; help to apply online and to know which documents you need. people and families in difficulty via san francesco 12 welcome listening guidance digital help accoglienza ascolto orientamento digital identity electronic id card online application apply online spid cie domanda online pec app io facilitazione digitale centro di ascolto san giorgio accoglienza, ascolto, orientamento e accompagnamento verso i servizi del territorio; aiuto a presentare le domande online e a capire quali documenti servono. persone e famiglie in difficolta"
    ],
    [
      "sportello-vimodrone",
      "Sportello di Vimodrone",
      [0],
      [],
      2,
      [],
      [],
      "Via Inesistente 99, Vimodrone",
      "",
      0,
      [],
      [45.51515, 9.28694, 2],
      "sportello di vimodrone comune di vimodrone sportello di accoglienza e orientamento. via inesistente 99",
      1
    ]
  ]
};
