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
      "求助服务点",
      "帮助 求助 咨询 信息 社会服务 找谁帮忙 segretariato sociale sportello sociale aiuto informazioni orientamento a chi rivolgersi sportello di aiuto"
    ],
    [
      "centro-ascolto",
      "倾听中心",
      "倾听 志愿者 找人聊聊 孤独 教会 堂区 caritas ascolto volontari parlare con qualcuno solitudine parrocchia centro di ascolto"
    ],
    [
      "hub-digitale",
      "数字服务协助点",
      "数字身份 电子身份证 网上申请 电脑 智能手机 上网 电子邮件 电子健康档案 spid cie carta d'identita elettronica domanda online pec app io computer smartphone internet fascicolo sanitario pagopa hub di facilitazione digitale"
    ],
    [
      "patronato",
      "福利咨询处（Patronato）",
      "退休金 养老金 津贴 失业金 子女补贴 残疾 报税 办手续 pensione naspi assegno unico invalidita inps isee caf 730 dichiarazione dei redditi disoccupazione patronato"
    ]
  ],
  "aree": [
    [
      "poverta",
      "贫困和经济困难",
      "账单 电费 燃气费 水电费 食品包 食物银行 食物 债务 收入 钱 经济补助 bollette luce gas pacco alimentare spesa cibo banco alimentare emporio solidale debiti isee reddito assegno di inclusione contributo economico soldi poverta e difficolta economiche"
    ],
    [
      "lavoro",
      "工作",
      "工作 找工作 就业 简历 失业 面试 招聘 实习 培训 curriculum cv disoccupazione naspi colloquio offerte di lavoro tirocinio formazione centro per l'impiego lavoro"
    ],
    [
      "famiglia",
      "家庭",
      "父母 孩子 子女 家庭补贴 育儿补贴 分居 离婚 托儿所 妈妈 爸爸 genitori figli bonus assegno unico separazione asilo nido mamme papa famiglia"
    ],
    [
      "anziani",
      "老年人",
      "老人 老年人 护工 养老院 陪伴 退休人员 居家照护 紧急呼叫 badante rsa compagnia pensionati assistenza domiciliare telesoccorso anziani"
    ],
    [
      "digitale",
      "数字服务",
      "数字身份 电子身份证 网上申请 电脑 智能手机 上网 电子邮件 网上缴费 spid cie carta d'identita elettronica domanda online pec app io computer smartphone internet e-mail fascicolo sanitario pagopa servizi digitali"
    ]
  ],
  "comuni": [["pioltello", "Pioltello"], ["segrate", "Segrate"], ["vimodrone", "Vimodrone"]],
  "lingue": [
    ["zh", "中文", "中文", "中文", "cinese"],
    ["it", "意大利语 (italiano)", "italiano", "意大利语", "italiano"],
    ["en", "英语 (English)", "English", "英语", "inglese"],
    ["ar", "阿拉伯语 (العربية)", "العربية", "阿拉伯语", "arabo"]
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
    ],
    [
      "centro-ascolto-pioltello",
      "圣乔治倾听中心",
      [1, 2],
      [0, 2, 4],
      0,
      [1],
      [1, 2, 3, 0],
      "Via San Francesco 12, 20096 Pioltello (MI)",
      "09:00-12:00||09:00-12:00,15:00-18:00||15:00-18:00||",
      0,
      [["2026-08-01", "2026-08-31", "Chiuso per ferie"]],
      [45.499, 9.327, 1],
      "圣乔治倾听中心 associazione san giorgio 接待、倾听、指引和陪同,帮助了解本地服务;协助网上申请,说明需要哪些文件。 persone e famiglie in difficolta via san francesco 12 接待 倾听 指引 数字协助 accoglienza ascolto orientamento 数字身份 电子身份证 网上申请 spid cie domanda online pec app io facilitazione digitale centro di ascolto san giorgio accoglienza, ascolto, orientamento e accompagnamento verso i servizi del territorio; aiuto a presentare le domande online e a capire quali documenti servono."
    ]
  ]
};
