# language: fr
Fonctionnalité: Étape 2 – L'assuré recopie les caractères de l'image ou de l'extrait sonore
  L'assuré écrit les caractères lus ou entendus. Il peut cliquer sur la flèche pour
  obtenir une nouvelle liste de caractères, ou sur le microphone pour l'écouter.
  Il dispose de 5 minutes pour lire ou écouter le code et le saisir ; s'il se trompe,
  il peut recommencer.

  # Conception des tests (docs/conception-des-tests.md, E2-CAPTCHA-*) :
  # - la série vaut pour la personne qui la voit : deux personnes en même temps, chacune la sienne ;
  # - l'image est celle de la série : l'autre assuré, dans un autre navigateur, a une autre série
  #   et voit une autre image (une image fixe, toujours la même, passait) ;
  # - l'extrait sonore est celui de la série montrée : l'écouter ne change pas la série (les
  #   caractères de l'image valent toujours après), et l'autre série de l'autre assuré a un autre
  #   extrait (un fichier son toujours le même passait) ; après la flèche, le microphone fait
  #   entendre la nouvelle série : un extrait chargé avec la page, que la flèche laisse tel quel,
  #   fait entendre l'ancienne ;
  # - la flèche, une fois puis deux fois : seule la dernière série vaut, et elle vaut ;
  # - chaque sorte d'erreur de copie (un caractère changé, en moins, en trop, rien) est refusée,
  #   puis la bonne copie passe ; après une erreur, une nouvelle série vient avec sa nouvelle
  #   image (une image gardée par le navigateur montre l'ancienne) ;
  # - les 5 minutes courent depuis l'affichage de la série recopiée : après la flèche ou après
  #   une erreur, la nouvelle série a ses propres 5 minutes ; après 5 minutes, on peut recommencer ;
  #   l'écouter ne les relance pas (« 5 minutes pour lire ou écouter le code et le saisir ») :
  #   écoutée à la 4e minute, la série est refusée à 5 min 1 s de son affichage.
  # - 5 minutes de temps réel, pas d'heure affichée : la nuit du passage à l'heure d'hiver (02h57,
  #   heure d'été, puis 02h02, heure d'hiver), une série gardée à l'heure de Paris sans son
  #   décalage paraît plus jeune que son affichage, et passait.

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée
    Et que je suis sur le formulaire « Mot de passe oublié »

  @E2-CAPTCHA-IMAGE
  Scénario: Une image montre les caractères à recopier, une autre image pour une autre série
    Étant donné qu'un autre assuré affiche le formulaire « Mot de passe oublié » dans un autre navigateur
    Alors le formulaire montre une image des caractères à recopier
    Et l'autre assuré voit une autre image que la mienne

  @E2-CAPTCHA-IMAGE
  Scénario: Deux personnes en même temps recopient chacune les caractères de sa propre image
    Étant donné qu'un autre assuré affiche le formulaire « Mot de passe oublié » dans un autre navigateur
    Quand je remplis le formulaire avec mes informations
    Et je recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à »
    Et je reçois un seul mail, à l'adresse de mon compte
    Quand l'autre assuré remplit le formulaire, recopie les caractères de son image et clique sur « Recevoir le mail »
    Alors l'autre assuré reçoit son mail

  @E2-CAPTCHA-AUDIO
  Scénario: Le microphone fait entendre les caractères, et ceux de l'image valent toujours ; après la flèche, ceux de la nouvelle série
    Étant donné que j'ai noté les caractères de l'image
    Quand je clique sur le microphone
    Alors j'entends un extrait sonore que le navigateur sait lire, de la longueur des caractères
    Et les caractères à recopier sont toujours ceux que j'ai notés sur l'image
    Quand je reviens au formulaire
    Et je clique sur la flèche pour obtenir une nouvelle série de caractères
    Alors une nouvelle série de caractères m'est proposée
    Et le microphone fait entendre la nouvelle série

  @E2-CAPTCHA-AUDIO
  Scénario: Une autre série se fait entendre autrement
    Étant donné qu'un autre assuré affiche le formulaire « Mot de passe oublié » dans un autre navigateur
    Quand je clique sur le microphone
    Et l'autre assuré clique sur le microphone
    Alors l'autre assuré entend un autre extrait sonore que le mien

  @E2-CAPTCHA-NOUVEAU
  Scénario: La flèche donne une nouvelle série de caractères, l'ancienne ne vaut plus
    Étant donné que j'ai noté les caractères de l'image
    Quand je clique sur la flèche pour obtenir une nouvelle série de caractères
    Alors une nouvelle série de caractères m'est proposée
    Quand je remplis le formulaire avec mes informations
    Et je recopie les caractères notés avant la nouvelle série
    Et je clique sur « Recevoir le mail »
    Alors une erreur signale que les caractères recopiés sont faux
    Et aucun mail n'est envoyé
    Quand je remplis à nouveau le formulaire et recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à »
    Et je reçois un seul mail, à l'adresse de mon compte

  @E2-CAPTCHA-NOUVEAU
  Scénario: Après deux clics sur la flèche, seule la dernière série vaut
    Quand je clique sur la flèche pour obtenir une nouvelle série de caractères
    Alors une nouvelle série de caractères m'est proposée
    Quand je clique sur la flèche pour obtenir une nouvelle série de caractères
    Alors une nouvelle série de caractères m'est proposée
    Quand je remplis le formulaire avec mes informations
    Et je recopie les caractères de la série précédente
    Et je clique sur « Recevoir le mail »
    Alors une erreur signale que les caractères recopiés sont faux
    Et aucun mail n'est envoyé
    Quand je remplis à nouveau le formulaire et recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à »
    Et je reçois un seul mail, à l'adresse de mon compte

  @E2-CAPTCHA-ERREUR
  Scénario: Une copie erronée est refusée et l'assuré peut recommencer
    Alors chacune de ces copies erronées est refusée, sans envoyer de mail :
      | copie                 |
      | un caractère changé   |
      | un caractère en moins |
      | un caractère en trop  |
      | (rien)                |
    Quand je remplis à nouveau le formulaire et recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à »
    Et je reçois un seul mail, à l'adresse de mon compte

  @E2-CAPTCHA-5MIN
  Scénario: Les caractères sont acceptés juste avant 5 minutes
    Quand je remplis le formulaire avec mes informations
    Et je recopie les caractères de l'image
    Et 4 minutes et 59 secondes se sont écoulées depuis l'affichage de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à »
    Et je reçois un seul mail, à l'adresse de mon compte

  @E2-CAPTCHA-5MIN
  Scénario: Les caractères sont refusés après 5 minutes, puis une nouvelle copie est acceptée
    Quand je remplis le formulaire avec mes informations
    Et je recopie les caractères de l'image
    Et 5 minutes et 1 seconde se sont écoulées depuis l'affichage de l'image
    Et je clique sur « Recevoir le mail »
    Alors une erreur signale que les caractères recopiés sont faux
    Et aucun mail n'est envoyé
    Quand je remplis à nouveau le formulaire et recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à »
    Et je reçois un seul mail, à l'adresse de mon compte

  @E2-CAPTCHA-5MIN
  Scénario: La nuit du passage à l'heure d'hiver, les caractères sont refusés après 5 minutes, pas après 1 h 05
    Étant donné que nous sommes le 29/10/2023 à 02h57 (heure d'été), heure de Paris
    Et que je suis sur le formulaire « Mot de passe oublié »
    Quand je remplis le formulaire avec mes informations
    Et je recopie les caractères de l'image
    Et 5 minutes et 1 seconde se sont écoulées depuis l'affichage de l'image
    Et je clique sur « Recevoir le mail »
    Alors une erreur signale que les caractères recopiés sont faux
    Et aucun mail n'est envoyé

  @E2-CAPTCHA-5MIN
  Scénario: Après la flèche, la nouvelle série a ses propres 5 minutes
    Quand 4 minutes se sont écoulées depuis l'affichage de l'image
    Et je clique sur la flèche pour obtenir une nouvelle série de caractères
    Alors une nouvelle série de caractères m'est proposée
    Quand je remplis le formulaire avec mes informations
    Et je recopie les caractères de l'image
    Et 4 minutes et 59 secondes se sont écoulées depuis l'affichage de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à »
    Et je reçois un seul mail, à l'adresse de mon compte

  @E2-CAPTCHA-5MIN
  Scénario: Écouter les caractères ne relance pas les 5 minutes
    Quand 4 minutes se sont écoulées depuis l'affichage de l'image
    Et je clique sur le microphone
    Et je reviens au formulaire
    Et je remplis le formulaire avec mes informations
    Et je recopie les caractères de l'image
    Et 5 minutes et 1 seconde se sont écoulées depuis l'affichage de l'image
    Et je clique sur « Recevoir le mail »
    Alors une erreur signale que les caractères recopiés sont faux
    Et aucun mail n'est envoyé

  @E2-CAPTCHA-5MIN
  Scénario: Après une copie erronée, les 5 minutes courent depuis l'affichage des caractères à recopier
    Quand je remplis le formulaire avec mes informations
    Et je recopie mal les caractères de l'image
    Et 4 minutes se sont écoulées depuis l'affichage de l'image
    Et je clique sur « Recevoir le mail »
    Alors une erreur signale que les caractères recopiés sont faux
    Quand je remplis à nouveau le formulaire et recopie les caractères de l'image
    Et 4 minutes et 59 secondes se sont écoulées depuis l'affichage de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à »
    Et je reçois un seul mail, à l'adresse de mon compte
