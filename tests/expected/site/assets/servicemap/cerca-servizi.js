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
      "Sportello di aiuto",
      "segretariato sociale sportello sociale aiuto informazioni orientamento a chi rivolgersi"
    ],
    [
      "centro-ascolto",
      "Centro di ascolto",
      "caritas ascolto volontari parlare con qualcuno solitudine parrocchia"
    ],
    [
      "hub-digitale",
      "Hub di facilitazione digitale",
      "spid cie carta d'identita elettronica domanda online pec app io computer smartphone internet fascicolo sanitario pagopa"
    ],
    [
      "patronato",
      "Patronato",
      "pensione naspi assegno unico invalidita inps isee caf 730 dichiarazione dei redditi disoccupazione"
    ]
  ],
  "aree": [
    [
      "poverta",
      "Povertà e difficoltà economiche",
      "bollette luce gas pacco alimentare spesa cibo banco alimentare emporio solidale debiti isee reddito assegno di inclusione contributo economico soldi"
    ],
    [
      "lavoro",
      "Lavoro",
      "curriculum cv disoccupazione naspi colloquio offerte di lavoro tirocinio formazione centro per l'impiego"
    ],
    ["famiglia", "Famiglia", "genitori figli bonus assegno unico separazione asilo nido mamme papa"],
    ["anziani", "Anziani", "badante rsa compagnia pensionati assistenza domiciliare telesoccorso"],
    [
      "digitale",
      "Servizi digitali",
      "spid cie carta d'identita elettronica domanda online pec app io computer smartphone internet e-mail fascicolo sanitario pagopa"
    ]
  ],
  "comuni": [["pioltello", "Pioltello"], ["segrate", "Segrate"], ["vimodrone", "Vimodrone"]],
  "lingue": [
    ["ar", "arabo (العربية)", "العربية", "arabo"],
    ["zh", "cinese (中文)", "中文", "cinese"],
    ["en", "inglese (English)", "English", "inglese"],
    ["it", "italiano", "italiano", "italiano"]
  ],
  "s": [
    [
      "centro-ascolto-pioltello",
      "Centro di ascolto San Giorgio",
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
      "centro di ascolto san giorgio associazione san giorgio accoglienza, ascolto, orientamento e accompagnamento verso i servizi del territorio; aiuto a presentare le domande online e a capire quali documenti servono. persone e famiglie in difficolta via san francesco 12 accoglienza ascolto orientamento facilitazione digitale spid cie domanda online pec app io"
    ],
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
      "patronato segrate patronato di prova pratiche di pensione, invalidita e disoccupazione, su appuntamento. via roma 3"
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
      "sportello di vimodrone comune di vimodrone sportello di accoglienza e orientamento. via inesistente 99"
    ]
  ]
};
