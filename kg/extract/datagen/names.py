"""Name lists for the data generator: real world leaders, ministers, agencies, media, places,
and pools to invent names never seen. Countries and capitals come from ``../shared/data``
(``countries.tsv``) at run time, never copied here.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

LANGS = ("id", "en", "ms", "fr", "de", "es")

REAL_PERSONS = """Vladimir Putin|Kim Jong Un|Xi Jinping|Olaf Scholz|Joe Biden|Donald Trump|Kamala Harris
Volodymyr Zelenskyy|Volodymyr Zelensky|Mark Rutte|Yoon Suk Yeol|Ursula von der Leyen|Keir Starmer
Antonio Guterres|Emmanuel Macron|Rishi Sunak|Narendra Modi|Recep Tayyip Erdogan|Benjamin Netanyahu
Sergey Lavrov|Sergei Shoigu|Andrei Belousov|Dmitry Peskov|Maria Zakharova|Choe Son Hui|Kim Yo Jong
Lloyd Austin|Antony Blinken|Jake Sullivan|John Kirby|Matthew Miller|Jens Stoltenberg|Kaja Kallas
Josep Borrell|Annalena Baerbock|Boris Pistorius|Sébastien Lecornu|Jean-Noël Barrot|Pedro Sánchez
Giorgia Meloni|Fumio Kishida|Shigeru Ishiba|Anthony Albanese|Justin Trudeau|Luiz Inácio Lula da Silva
Cyril Ramaphosa|Prabowo Subianto|Joko Widodo|Retno Marsudi|Sugiono|Sjafrie Sjamsoeddin|Anwar Ibrahim
Mohamed Khaled Nordin|Ferdinand Marcos Jr.|Gilberto Teodoro|Lee Hsien Loong|Lawrence Wong|Prayut Chan-o-cha
Min Aung Hlaing|Hun Manet|Masoud Pezeshkian|Abbas Araghchi|Ali Khamenei|Bashar al-Assad|Mohammed bin Salman
Abdel Fattah el-Sisi|Kim Yong Hyun|Shin Won-sik|Cho Tae-yong|Han Duck-soo|Rustem Umerov|Dmytro Kuleba
Kyrylo Budanov|Oleksandr Syrskyi|Valery Gerasimov|Alexander Lukashenko|Viktor Orban
Andrzej Duda|Donald Tusk|Pete Hegseth|Marco Rubio|Wang Yi|Dong Jun|Li Qiang|Lin Jian|Mao Ning
Amin Nasser|Ebrahim Raisi|Nikol Pashinyan|Ilham Aliyev|Kassym-Jomart Tokayev|Shavkat Mirziyoyev
Rafael Grossi|Jean-Pierre Lacroix|Tedros Adhanom Ghebreyesus"""

FIRST = {
    "ko": "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin Seo Kwon Hwang Ahn Song Ryu Hong Jeon Ko Moon Yang Son Bae".split(),
    "ko_given": "Min-jun Seo-yeon Ji-hoon Hye-jin Sung-ho Young-soo Dong-hyun Jae-won Eun-ji Tae-hyun Myung-hee Chol Song Il Yong Nam Kwang Jong Hyok Chun".split(),
    "ru": "Sergei Dmitry Alexei Andrei Mikhail Nikolai Ivan Pavel Yuri Oleg Viktor Anatoly Igor Boris Vladislav Yevgeny Anna Olga Tatiana Irina Elena Natalia".split(),
    "ru_last": "Ivanov Petrov Smirnov Kuznetsov Sokolov Popov Lebedev Kozlov Novikov Morozov Volkov Solovyov Vasiliev Zaitsev Pavlov Semyonov Golubev Vinogradov Bogdanov Vorobyov Fedorov Medvedev Orlov Karpov".split(),
    "uk": "Oleksandr Mykola Andriy Taras Bohdan Yaroslav Oksana Iryna Olena Vitaliy Dmytro Serhiy Petro Yuliia Halyna".split(),
    "uk_last": "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Boyko Oliynyk Lysenko Moroz Marchenko Savchenko Rudenko Hrytsenko Klymenko Pavlenko".split(),
    "en": "John Michael David James Robert William Richard Thomas Mark Paul Sarah Emily Jennifer Laura Susan Karen Rachel Linda Brian Kevin Daniel Anthony Christopher".split(),
    "en_last": "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson Martin Thompson White Harris Clark Lewis Walker Young Allen Wright Scott Green Baker Carter".split(),
    "id": "Budi Agus Bambang Joko Sri Dewi Siti Andi Rudi Hendra Yusuf Ahmad Eko Dian Rina Wahyu Fajar Taufik Hadi Gatot Retno Ratna Arief Dedi Lukman Heru Yudo Mahfud".split(),
    "id_last": "Santoso Wijaya Prasetyo Hidayat Saputra Kurniawan Setiawan Gunawan Susanto Nugroho Wibowo Purnomo Hartono Siregar Nasution Simanjuntak Harahap Lubis Sitompul Pane Marpaung Wirawan Sasongko".split(),
    "ar": "Mohammed Ahmed Ali Omar Khalid Hassan Hussein Ibrahim Youssef Abdullah Faisal Tariq Layla Fatima Mariam Nasser Walid Samir".split(),
    "ar_last": "al-Masri Haddad Khalil Nasr Saleh Mansour Hamdan Aziz al-Rashid Barakat Darwish Farouk Qasim al-Amin Sabbagh".split(),
    "zh": "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo".split(),
    "zh_given": "Wei Fang Jun Ming Hua Lei Tao Jian Yong Qiang Xiaoming Haiyan Zhiwei Jianguo Lihua".split(),
    "fr": "Jean Pierre Michel Philippe Alain Nicolas François Sophie Isabelle Catherine Camille Julien Antoine Mathieu Claire Hélène".split(),
    "fr_last": "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèbvre Michel Garcia Fournier Girard Lemaire".split(),
    "de": "Hans Peter Wolfgang Klaus Jürgen Stefan Andreas Thomas Michael Sabine Ursula Petra Monika Katrin Anja Jörg Matthias Björn".split(),
    "de_last": "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Zimmermann Krüger".split(),
    "es": "José Juan Carlos Luis Miguel Javier Antonio Francisco Pedro María Carmen Ana Lucía Isabel Elena Diego Alejandro Sofía".split(),
    "es_last": "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Álvarez Romero Navarro".split(),
    "ms": "Ahmad Mohd Muhammad Ismail Zainal Azman Rahman Hafiz Aziz Nurul Siti Faridah Rosli Kamarul Hishammuddin Zulkifli".split(),
    "ms_last": "bin Abdullah bin Ismail bin Hassan binti Ahmad bin Osman bin Yusof bin Ali binti Rahman bin Hamzah".split("|") if False else ["bin Abdullah", "bin Ismail", "bin Hassan", "binti Ahmad", "bin Osman", "bin Yusof", "bin Ali", "binti Rahman", "bin Hamzah"],
}

SYLL = "ka ri mo na ta le vo si du ra ne ko ba lu mi zan tor vel dra kin sol mar bel gor nis tev ul ar en os".split()


def invented_person(rng: random.Random) -> str:
    """A person name from mixed pools, or wholly invented from syllables (unseen names)."""
    r = rng.random()
    if r < 0.12:
        first = "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 3))).capitalize()
        last = "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 4))).capitalize()
        return f"{first} {last}"
    pools = [("ko", "ko_given"), ("ru", "ru_last"), ("uk", "uk_last"), ("en", "en_last"), ("id", "id_last"),
             ("ar", "ar_last"), ("zh", "zh_given"), ("fr", "fr_last"), ("de", "de_last"), ("es", "es_last"),
             ("ms", "ms_last")]
    a, b = rng.choice(pools)
    if a in ("ko", "zh"):
        return f"{rng.choice(FIRST[a])} {rng.choice(FIRST[b])}" + (f" {rng.choice(FIRST[b])}" if a == "ko" and rng.random() < 0.2 else "")
    if a == "id" and rng.random() < 0.25:
        return rng.choice(FIRST["id"])  # single-name Indonesians
    return f"{rng.choice(FIRST[a])} {rng.choice(FIRST[b])}"


def surname(name: str) -> str:
    parts = name.split()
    if len(parts) > 1 and parts[0] in FIRST["ko"] + FIRST["zh"]:
        return parts[0]
    if len(parts) > 2 and parts[-2] in ("bin", "binti", "von", "der", "da", "de"):
        return parts[-1] if parts[-2] not in ("bin", "binti") else parts[0]
    return parts[-1]


# Organizations: (text per language or a single string), kind
ORGS_FIXED = """NATO|PBB|Perserikatan Bangsa-Bangsa|United Nations|UN|Nations unies|ONU|Vereinte Nationen|Uni Eropa|European Union|EU|Union européenne|Europäische Union|Unión Europea
Komisi Eropa|European Commission|ASEAN|G20|G7|APEC|IAEA|OSCE|OSZE|Dewan Keamanan PBB|UN Security Council|Conseil de sécurité|Sicherheitsrat
Pentagon|Kremlin Press Service|Departemen Luar Negeri AS|US State Department|State Department|Gedung Putih|White House|Élysée|Bundeswehr
Badan Intelijen Nasional|National Intelligence Service|NIS|Badan Intelijen Pertahanan|Defence Intelligence Agency|CIA|SBU|GUR|FSB|Mossad|BIN|TNI|Polri|Kopassus
Kepala Staf Gabungan|Joint Chiefs of Staff|Korps Marinir|Wagner Group|Grup Wagner|Hamas|Hizbullah|Hezbollah|Houthi|Taliban|ISIS|Al-Shabaab|Tatmadaw
Reuters|AFP|AP|Associated Press|Bloomberg|CNN|BBC|Al Jazeera|Yonhap|KCNA|TASS|RIA Novosti|Interfax|Ukrinform|Antara|Kompas|Tempo|Detik|CNA|Bernama|The Guardian|The New York Times|The Washington Post|Le Monde|Der Spiegel|El País|Politico|Financial Times|NHK|Xinhua|Kyodo|Voice of America|VOA|Radio Free Asia|Epoch Times|Chatham House|RAND Corporation|Institute for the Study of War|ISW|CSIS|SIPRI
Palang Merah Internasional|International Committee of the Red Cross|ICRC|Amnesty International|Human Rights Watch|Médecins Sans Frontières|UNIFIL|MONUSCO|UNMISS|MINUSCA|UNDOF"""

from kg.extract.cues import NEWS_OUTLETS as MEDIA  # noqa: E402 - one list of outlets, owned by the decoder

ORG_PATTERNS = {
    "id": ["Kementerian Pertahanan {c}", "Kementerian Luar Negeri {c}", "Angkatan Darat {c}", "Angkatan Laut {c}", "Angkatan Udara {c}",
           "Kepala Staf Gabungan {c}", "Badan Intelijen {c}", "Kedutaan Besar {c}", "Parlemen {c}", "Militer {c}", "Angkatan Bersenjata {c}", "Kantor Kepresidenan {c}"],
    "ms": ["Kementerian Pertahanan {c}", "Kementerian Luar Negeri {c}", "Angkatan Tentera {c}", "Tentera Darat {c}", "Kedutaan Besar {c}", "Parlimen {c}"],
    "en": ["{c} Defence Ministry", "{c} Foreign Ministry", "{c} Ministry of Defense", "{c} Armed Forces", "{c} Army", "{c} Navy", "{c} Joint Chiefs of Staff", "{c} Embassy", "{c} Parliament"],
    "fr": ["ministère de la Défense de {c}", "Armée de {c}", "ambassade de {c}", "Parlement de {c}", "ministère des Affaires étrangères de {c}"],
    "de": ["Verteidigungsministerium von {c}", "Außenministerium von {c}", "Armee von {c}", "Botschaft von {c}", "Parlament von {c}"],
    "es": ["Ministerio de Defensa de {c}", "Ministerio de Asuntos Exteriores de {c}", "Ejército de {c}", "Embajada de {c}", "Parlamento de {c}"],
}

INVENTED_ORG = {
    "id": ["Front Pembebasan {x}", "Institut Studi {x}", "Lembaga Kajian {x}", "Gerakan {x} Merdeka", "Brigade {x}", "Koalisi {x}"],
    "en": ["{x} Liberation Front", "{x} Institute", "{x} Defence Forum", "{x} Brigade", "{x} Security Council", "{x} Coalition"],
    "ms": ["Barisan {x}", "Institut {x}", "Majlis Keselamatan {x}"],
    "fr": ["Front de libération de {x}", "Institut {x}", "Brigade {x}"],
    "de": ["{x}-Institut", "{x}-Brigade", "Stiftung {x}"],
    "es": ["Frente de Liberación de {x}", "Instituto {x}", "Brigada {x}"],
}

PLACES = """Kursk|Donetsk|Donbas|Luhansk|Kherson|Zaporizhzhia|Kharkiv|Bakhmut|Avdiivka|Pokrovsk|Selydove|Chasiv Yar|Belgorod|Krimea|Crimea|Sevastopol|Odesa|Mariupol|Vladivostok|Khabarovsk|Rostov
Gaza|Rafah|Khan Younis|Tepi Barat|West Bank|Dataran Tinggi Golan|Golan Heights|Lebanon Selatan|South Lebanon|Beirut|Damaskus|Aleppo|Idlib|Sinai|Laut Merah|Red Sea|Selat Hormuz|Strait of Hormuz
Laut China Selatan|South China Sea|Selat Taiwan|Taiwan Strait|Semenanjung Korea|Korean Peninsula|Zona Demiliterisasi|DMZ|Pulau Natuna|Natuna|Papua|Aceh|Poso|Ambon|Sulawesi|Kalimantan|Mindanao|Marawi|Sabah|Johor
Darfur|Khartoum|Goma|Kivu Utara|North Kivu|Bangui|Juba|Mogadishu|Sahel|Bamako|Niamey|Tigray|Kashmir|Ladakh|Nagorno-Karabakh|Transnistria|Baltik|Baltic|Arktik|Arctic|Guam|Okinawa|Diego Garcia|Rio de Janeiro|Brussels|Brussel|Lima|Jenewa|Geneva|Genf|Ginebra|Rio"""

REGION_PATTERNS = {
    "id": ["wilayah {p}", "Provinsi {p}", "Oblast {p}", "perbatasan {p}"],
    "ms": ["wilayah {p}", "sempadan {p}"],
    "en": ["the {p} region", "{p} Oblast", "{p} province"],
    "fr": ["la région de {p}", "l'oblast de {p}"],
    "de": ["die Region {p}", "das Gebiet {p}"],
    "es": ["la región de {p}", "la provincia de {p}"],
}

EXTRA_CAPITALS = {  # exonyms the sheet leaves empty
    "RUS": {"id": ["Moskow", "Moskwa"], "ms": ["Moscow"], "fr": ["Moscou"], "de": ["Moskau"], "es": ["Moscú"]},
    "UKR": {"id": ["Kyiv", "Kiev"], "fr": ["Kiev", "Kyiv"], "de": ["Kiew"], "es": ["Kiev"]},
    "CHN": {"id": ["Beijing", "Peking"], "fr": ["Pékin"], "de": ["Peking"], "es": ["Pekín"]},
    "USA": {"id": ["Washington"], "en": ["Washington"], "ms": ["Washington"], "fr": ["Washington"], "de": ["Washington"], "es": ["Washington"]},
    "KOR": {"id": ["Seoul"], "fr": ["Séoul"]},
    "IRN": {"id": ["Teheran"], "fr": ["Téhéran"]},
    "ISR": {"id": ["Tel Aviv", "Yerusalem"]},
    "GBR": {"id": ["London"], "fr": ["Londres"], "es": ["Londres"]},
    "DEU": {"id": ["Berlin"]},
    "JPN": {"id": ["Tokyo"], "fr": ["Tokyo"]},
}
METONYM_ORGS = {"id": ["Kremlin", "Gedung Putih"], "ms": ["Kremlin", "Rumah Putih"], "en": ["the Kremlin", "Kremlin", "White House"],
                "fr": ["le Kremlin", "Kremlin", "Maison Blanche"], "de": ["der Kreml", "Kreml", "Weißes Haus"], "es": ["el Kremlin", "Kremlin", "Casa Blanca"]}


@dataclass
class Country:
    iso3: str
    names: dict[str, str]
    capitals: dict[str, list[str]] = field(default_factory=dict)
    demonym_en: str = ""


def shared_data_dir() -> Path:
    """``../shared/data`` relative to the repository root (``/work/main/../shared/data``)."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


def load_countries(data_dir: Path | None = None) -> list[Country]:
    path = (data_dir or shared_data_dir()) / "countries.tsv"
    out: list[Country] = []
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            names = {lang: (row.get(f"name_{lang}") or row["name_en"]).strip() for lang in LANGS}
            caps: dict[str, list[str]] = {}
            cap_en = (row.get("capital_en") or "").replace(" D.C.", "").strip()
            cap_id = (row.get("capital_id") or "").strip()
            for lang in LANGS:
                c = [cap_id] if (lang == "id" and cap_id) else ([cap_en] if cap_en else [])
                c += EXTRA_CAPITALS.get(row["iso3"], {}).get(lang, [])
                caps[lang] = sorted(set(x for x in c if x))
            out.append(Country(row["iso3"], names, caps, (row.get("demonym_en") or "").strip()))
    return out


def all_orgs() -> list[str]:
    return [x for line in ORGS_FIXED.splitlines() for x in line.split("|") if x]


def all_places() -> list[str]:
    return [x for line in PLACES.splitlines() for x in line.split("|") if x]


def real_persons() -> list[str]:
    return [x for line in REAL_PERSONS.splitlines() for x in line.split("|") if x]
