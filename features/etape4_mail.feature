# language: fr
Fonctionnalité: Étape 4 – L'assuré clique sur le mail reçu
  Une fois le mail ouvert, l'assuré clique sur « Renouveler mon mot de passe ».
  Le mail est valable 30 minutes : passé ce délai, l'assuré doit refaire la démarche.
  Seul le mail le plus récent est valable, et une seule fois.

  # Conception des tests (docs/conception-des-tests.md, E4-*) :
  # - un lien « fonctionne » quand il permet d'enregistrer un mot de passe, pas quand un titre
  #   s'affiche (la page d'erreur peut porter le même titre) ;
  # - le lien fonctionne sur un autre appareil que celui de la demande (le mail lu sur un
  #   téléphone) : une cible qui garde la demande dans la session du navigateur le refuse ;
  # - les 30 minutes courent depuis la demande, et valent à chaque étape : lien ouvert à temps
  #   puis mot de passe envoyé trop tard, refusé ; lien ouvert tôt, mot de passe envoyé à 29 min
  #   59 s, enregistré (une page dont le formulaire a sa propre durée, plus courte, le refuse) ;
  #   30 minutes comptées depuis la dernière demande ;
  #   30 minutes réelles les nuits de changement d'heure (une cible qui compte sur l'heure
  #   affichée à Paris, sans son décalage, garde le lien 1 h 30 en octobre et le refuse une heure
  #   trop tôt en mars) ;
  # - seul le dernier lien : l'ancien refusé même quand la nouvelle demande vient d'un autre
  #   navigateur (une cible qui ne remplace que les liens demandés depuis le même navigateur le
  #   laisse valable), et encore après l'usage du récent (une cible qui ne fait valoir que le plus
  #   récent des liens non utilisés rend l'ancien valable une fois le récent utilisé) ; ouvert puis remplacé par une nouvelle demande (autre onglet), refusé ;
  #   une demande bloquée, ou dont la date de naissance ou l'adresse n'est pas celle du compte
  #   (aucun mail), ne rend pas caduc le dernier lien ;
  #   le dernier lien est celui du compte : deux assurés d'un même foyer partagent une adresse,
  #   la demande de l'un, puis son changement de mot de passe, laissent valable le lien de
  #   l'autre (une cible qui remplace les liens de l'adresse, à la demande ou au changement, le
  #   rend caduc), et ce lien change le mot de passe de son compte ;
  # - une seule fois : après l'enregistrement, le même lien est refusé, à l'ouverture comme dans
  #   un formulaire ouvert avant (deux onglets : l'autre n'enregistre rien), sur le même appareil
  #   comme sur un autre (une cible qui garde l'usage dans la session du navigateur accepte
  #   le lien ailleurs) ; un refus (règle non
  #   respectée) ne consomme pas le lien (étape 5) ;
  # - la version texte du mail donne le lien du bouton (un lecteur de la seule version texte),
  #   celui de ce mail-là quand un autre l'a précédé (une version texte gardée d'un mail à
  #   l'autre donne l'ancien lien).

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée

  @E4-MAIL
  Scénario: Le mail de renouvellement
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Quand j'ouvre le mail reçu
    Alors le mail a pour objet « Votre compte ameli – renouveler mon mot de passe »
    Et le mail a pour expéditeur « Votre Assurance Maladie »
    Et le mail a une version HTML et une version texte
    Et le mail contient « Vous avez demandé le renouvellement du mot de passe de votre compte ameli. »
    Et le mail contient « Pour des raisons de sécurité, vous devez réaliser cette opération dans un délai de 30 minutes. »
    Et le mail contient « Au-delà de ce délai, vous devrez recommencer votre demande de renouvellement de mot de passe. »
    Et le mail contient « Si vous n'êtes pas à l'origine de cette demande, ne cliquez pas sur ce lien et contactez votre caisse d'assurance maladie »
    Et le mail contient « Ce message est généré par un automate. »
    Et le mail propose « Renouveler mon mot de passe »
    Quand je clique dans le mail sur « Renouveler mon mot de passe »
    Alors je suis sur la page « Renouvellement de mot de passe »
    Et la version texte du mail donne le lien du bouton
    Et le lien me permet d'enregistrer un nouveau mot de passe

  @E4-MAIL
  Scénario: La version texte d'un nouveau mail donne le lien de ce mail-là
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai demandé à nouveau le renouvellement de mon mot de passe
    Quand je clique dans le mail le plus récent sur « Renouveler mon mot de passe »
    Alors la version texte du mail donne le lien du bouton

  @E4-LIEN-30MIN
  Plan du scénario: Le lien fonctionne pendant les 30 minutes qui suivent la demande
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Quand <ouvert> se sont écoulées depuis ma demande
    Et je clique dans le mail sur « Renouveler mon mot de passe »
    Et <envoyé> se sont écoulées depuis ma demande
    Alors le lien me permet d'enregistrer un nouveau mot de passe

    Exemples:
      | ouvert                    | envoyé                    |
      | 29 minutes et 59 secondes | 29 minutes et 59 secondes |
      | 2 minutes                 | 29 minutes et 59 secondes |

  @E4-LIEN-30MIN
  Scénario: Le lien fonctionne aussi sur un autre appareil que celui de la demande
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Quand j'ouvre le mail sur un autre appareil et je clique sur « Renouveler mon mot de passe »
    Alors le lien me permet d'enregistrer un nouveau mot de passe

  @E4-LIEN-30MIN
  Plan du scénario: Le lien est refusé au-delà de 30 minutes
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Quand <durée> se sont écoulées depuis ma demande
    Et je clique dans le mail sur « Renouveler mon mot de passe »
    Alors un message indique que le lien n'est plus valable et qu'il faut recommencer la demande

    Exemples:
      | durée                   |
      | 30 minutes et 1 seconde |
      | 31 minutes              |

  @E4-LIEN-30MIN
  Scénario: Ouvert à temps, le lien ne permet plus d'enregistrer un mot de passe après 30 minutes
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Quand 29 minutes se sont écoulées depuis ma demande
    Et je clique dans le mail sur « Renouveler mon mot de passe »
    Et 30 minutes et 1 seconde se sont écoulées depuis ma demande
    Alors un message indique que le lien n'est plus valable et qu'il faut recommencer la demande

  @E4-LIEN-30MIN
  Scénario: Les 30 minutes courent depuis la demande la plus récente
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Quand 20 minutes se sont écoulées depuis ma demande
    Et je fais une nouvelle demande de renouvellement dans un autre onglet
    Et 25 minutes se sont écoulées depuis ma demande
    Et je clique dans le mail du nouvel onglet sur « Renouveler mon mot de passe »
    Alors le lien me permet d'enregistrer un nouveau mot de passe

  @E4-LIEN-30MIN
  Scénario: La nuit du passage à l'heure d'hiver, le lien est refusé après 30 minutes, pas après 1 h 30
    Étant donné que nous sommes le 29/10/2023 à 02h45 (heure d'été), heure de Paris
    Et que j'ai demandé le renouvellement de mon mot de passe
    Quand 31 minutes se sont écoulées depuis ma demande
    Et je clique dans le mail sur « Renouveler mon mot de passe »
    Alors un message indique que le lien n'est plus valable et qu'il faut recommencer la demande

  @E4-LIEN-30MIN
  Scénario: La nuit du passage à l'heure d'été, le lien fonctionne pendant 30 minutes
    Étant donné que nous sommes le 26/03/2023 à 01h45, heure de Paris
    Et que j'ai demandé le renouvellement de mon mot de passe
    Quand 29 minutes se sont écoulées depuis ma demande
    Et je clique dans le mail sur « Renouveler mon mot de passe »
    Alors le lien me permet d'enregistrer un nouveau mot de passe

  @E4-DERNIER-LIEN
  Scénario: Seul le lien du mail le plus récent fonctionne, même demandé depuis un autre navigateur, et l'ancien ne revient pas après lui
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai demandé à nouveau le renouvellement de mon mot de passe, depuis un autre navigateur
    Quand je clique dans le plus ancien des mails sur « Renouveler mon mot de passe »
    Alors un message indique que le lien n'est plus valable et qu'il faut recommencer la demande
    Quand je clique dans le mail le plus récent sur « Renouveler mon mot de passe »
    Alors le lien me permet d'enregistrer un nouveau mot de passe
    Quand je clique à nouveau dans le plus ancien des mails sur « Renouveler mon mot de passe »
    Alors un message indique que le lien n'est plus valable et qu'il faut recommencer la demande

  @E4-DERNIER-LIEN
  Scénario: Un lien ouvert puis remplacé par une nouvelle demande ne permet plus d'enregistrer un mot de passe
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Quand je fais une nouvelle demande de renouvellement dans un autre onglet
    Et je reviens au premier onglet
    Et je saisis un nouveau mot de passe conforme et je le confirme
    Et je clique sur « Valider le nouveau mot de passe »
    Alors un message indique que le lien n'est plus valable et qu'il faut recommencer la demande
    Quand je clique dans le mail le plus récent sur « Renouveler mon mot de passe »
    Alors le lien me permet d'enregistrer un nouveau mot de passe

  @E4-DERNIER-LIEN
  Scénario: Une demande refusée parce que le service est bloqué ne rend pas caduc le lien du dernier mail
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai fait le nombre maximum de demandes de renouvellement
    Quand je demande une nouvelle fois le renouvellement de mon mot de passe
    Alors la page affiche « Le nombre maximum de demandes de renouvellement de mot de passe a été atteint. »
    Quand je clique dans le mail le plus récent sur « Renouveler mon mot de passe »
    Alors le lien me permet d'enregistrer un nouveau mot de passe

  @E4-DERNIER-LIEN
  Scénario: Une demande dont la date de naissance ou l'adresse n'est pas celle du compte ne rend pas caduc le lien du dernier mail
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Quand je demande le renouvellement avec mon numéro mais une autre date de naissance
    Et je demande le renouvellement avec mon numéro mais une autre adresse mail
    Et je clique dans le mail le plus récent sur « Renouveler mon mot de passe »
    Alors le lien me permet d'enregistrer un nouveau mot de passe

  @E4-DERNIER-LIEN
  Scénario: Deux assurés partagent une adresse mail : le renouvellement de l'un laisse valable le lien de l'autre
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et un autre assuré dont le compte ameli a la même adresse mail validée que le mien
    Quand l'autre assuré renouvelle son mot de passe avec le mail reçu à notre adresse
    Et je clique dans mon mail, reçu avant le sien, sur « Renouveler mon mot de passe »
    Alors le lien me permet d'enregistrer un nouveau mot de passe
    Et ce mot de passe ouvre mon compte

  @E4-USAGE-UNIQUE
  Scénario: Une fois le mot de passe changé, le même lien est refusé, sur cet appareil comme sur un autre
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué dans le mail sur « Renouveler mon mot de passe »
    Quand je saisis un nouveau mot de passe conforme et je le confirme
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré
    Quand je clique à nouveau dans le mail sur « Renouveler mon mot de passe »
    Alors un message indique que le lien n'est plus valable et qu'il faut recommencer la demande
    Quand j'ouvre le mail sur un autre appareil et je clique sur « Renouveler mon mot de passe »
    Alors un message indique que le lien n'est plus valable et qu'il faut recommencer la demande

  @E4-USAGE-UNIQUE
  Scénario: Ouvert dans deux onglets, le lien ne sert qu'une fois
    Étant donné que j'ai demandé le renouvellement de mon mot de passe
    Et que j'ai cliqué deux fois dans le mail sur « Renouveler mon mot de passe », chaque fois dans un onglet
    Quand je saisis un nouveau mot de passe conforme et je le confirme
    Et je clique sur « Valider le nouveau mot de passe »
    Alors la page confirme que mon nouveau mot de passe est enregistré
    Quand je reviens au premier onglet
    Alors un message indique que le lien n'est plus valable et qu'il faut recommencer la demande
    Et le mot de passe enregistré ouvre mon compte
