# language: fr
Fonctionnalité: Étape 4 – L'assuré clique sur le mail reçu
  Une fois le mail ouvert, l'assuré clique sur « Renouveler mon mot de passe ».
  Le mail est valable 30 minutes : passé ce délai, l'assuré doit refaire la démarche.

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée
    Et que j'ai demandé le renouvellement de mon mot de passe

  @E4-MAIL
  Scénario: Le mail de renouvellement
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

  @E4-LIEN-30MIN
  Plan du scénario: Le lien fonctionne pendant les 30 minutes qui suivent la demande
    Quand <durée> se sont écoulées depuis ma demande
    Et je clique dans le mail sur « Renouveler mon mot de passe »
    Alors je suis sur la page « Renouvellement de mot de passe »

    Exemples:
      | durée                        |
      | 29 minutes                   |
      | 29 minutes et 59 secondes    |

  @E4-LIEN-30MIN
  Plan du scénario: Le lien est refusé au-delà de 30 minutes
    Quand <durée> se sont écoulées depuis ma demande
    Et je clique dans le mail sur « Renouveler mon mot de passe »
    Alors un message indique que le lien n'est plus valable et qu'il faut recommencer la demande

    Exemples:
      | durée                        |
      | 30 minutes et 1 seconde      |
      | 31 minutes                   |
